export const EXPORT_QUEUE = 'insights.export';
export const MAINTENANCE_QUEUE = 'insights.maintenance';

/** Port: hands a recorded export to the worker; implemented on Bull in infrastructure/queues. */
export abstract class ExportQueue {
  /** One job per export: asking twice for the same export queues it once. */
  abstract enqueue(exportId: string): Promise<void>;
}
