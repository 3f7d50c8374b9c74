import type { Export } from '../../domain/export.js';

export interface ReportTable {
  columns: string[];
  /** Rows in pages of at most `pageSize`, fetched one page at a time (bounded memory for any range). */
  pages(pageSize: number): AsyncIterable<Array<Array<string | number>>>;
}

/** Where an export's rows come from (rollups), and its daily views for the chart. */
export abstract class ReportSource {
  abstract table(entry: Export): ReportTable;
  abstract dailyViews(entry: Export): Promise<Array<{ day: string; views: number; watchSeconds: number }>>;
}

/** Writes the file of an export; returns its size in bytes. */
export abstract class ReportRenderer {
  abstract csv(path: string, table: ReportTable): Promise<number>;
  abstract pdf(
    path: string,
    input: { title: string; subtitle: string; table: ReportTable; chart: Array<{ label: string; value: number }> },
  ): Promise<number>;
}

/** Where finished export files are kept so that any API node can serve them. */
export abstract class ExportFiles {
  /** Copies the rendered file in, chunk by chunk; returns its size. */
  abstract store(exportId: string, localPath: string): Promise<number>;
  /** The file's bytes, one chunk at a time. */
  abstract read(exportId: string): AsyncIterable<Buffer>;
  /** Deletes exports requested before `before` (their files and rows, whatever their state); returns their ids. */
  abstract deleteRequestedBefore(before: Date): Promise<string[]>;
}
