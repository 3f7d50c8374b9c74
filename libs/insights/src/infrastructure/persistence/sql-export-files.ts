import { createReadStream } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ExportFiles } from '../../application/exports/report-source.js';

const CHUNK_BYTES = 1024 * 1024;

/**
 * Export files as 1 MiB bytea chunks: written by the worker, streamed by any API node one chunk at a
 * time (memory stays at one chunk both ways). A retried store replaces the chunks it wrote before.
 */
@Injectable()
export class SqlExportFiles extends ExportFiles {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async store(exportId: string, localPath: string): Promise<number> {
    await this.em.execute(`delete from insights.export_chunks where export_id = ?`, [exportId]);
    let seq = 0;
    let bytes = 0;
    for await (const chunk of createReadStream(localPath, { highWaterMark: CHUNK_BYTES })) {
      const data = chunk as Buffer;
      await this.em.execute(`insert into insights.export_chunks (export_id, seq, data) values (?, ?, ?)`, [
        exportId,
        seq,
        data,
      ]);
      seq += 1;
      bytes += data.length;
    }
    return bytes;
  }

  async deleteRequestedBefore(before: Date): Promise<string[]> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `with gone as (delete from insights.exports where created_at < ? returning id),
            chunks as (delete from insights.export_chunks c using gone where c.export_id = gone.id)
       select id from gone`,
      [before],
    );
    return rows.map((row) => row.id);
  }

  async *read(exportId: string): AsyncIterable<Buffer> {
    const em = this.em.fork();
    for (let seq = 0; ; seq += 1) {
      const [row] = await em.execute<Array<{ data: Buffer }>>(
        `select data from insights.export_chunks where export_id = ? and seq = ?`,
        [exportId, seq],
      );
      if (!row) return;
      yield row.data;
    }
  }
}
