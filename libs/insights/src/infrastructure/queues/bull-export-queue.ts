import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { EXPORT_QUEUE, ExportQueue } from '../../application/exports/export-queue.js';

@Injectable()
export class BullExportQueue extends ExportQueue {
  constructor(@InjectQueue(EXPORT_QUEUE) private readonly queue: Queue<{ exportId: string }>) {
    super();
  }

  async enqueue(exportId: string): Promise<void> {
    await this.queue.add({ exportId }, { jobId: exportId });
  }
}
