import { AggregateRoot, DomainEvent } from '@lib/platform/ddd';

export type ExportFormat = 'csv' | 'pdf';
export type ExportStatus = 'pending' | 'ready' | 'failed';
export const EXPORT_REPORTS = ['channel-daily', 'channel-videos'] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];

export class ExportReady extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly userId: string,
    readonly channelId: string,
    readonly format: ExportFormat,
    readonly report: string,
  ) {
    super();
  }
}

/** A report file requested by a channel member: produced by a job, then downloaded. */
export class Export extends AggregateRoot {
  status: ExportStatus = 'pending';
  filePath: string | null = null;
  bytes: number | null = null;
  error: string | null = null;
  completedAt: Date | null = null;

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly channelId: string,
    readonly report: ExportReport,
    readonly format: ExportFormat,
    readonly rangeFrom: Date,
    readonly rangeTo: Date,
    readonly tz: string,
    readonly createdAt: Date,
  ) {
    super();
  }

  /** Idempotent: a job retried after success changes nothing and announces nothing twice. */
  complete(filePath: string, bytes: number, at: Date): void {
    if (this.status === 'ready') return;
    this.status = 'ready';
    this.filePath = filePath;
    this.bytes = bytes;
    this.error = null;
    this.completedAt = at;
    this.record(new ExportReady(this.id, this.userId, this.channelId, this.format, this.report));
  }

  fail(reason: string, at: Date): void {
    if (this.status === 'ready') return;
    this.status = 'failed';
    this.error = reason.slice(0, 500);
    this.completedAt = at;
  }
}

export abstract class ExportRepository {
  abstract add(entry: Export): Promise<void>;
  abstract byId(id: string): Promise<Export | null>;
  abstract save(entry: Export): Promise<void>;
}
