import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';

export const EXPORT_QUEUE = 'insights.export';
export const MAINTENANCE_QUEUE = 'insights.maintenance';

@Injectable()
export class ExportQueue {
  constructor(@InjectQueue(EXPORT_QUEUE) private readonly queue: Queue<{ exportId: string }>) {}

  async enqueue(exportId: string): Promise<void> {
    await this.queue.add({ exportId }, { jobId: exportId });
  }
}
