import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import {
  DMCA_RESTORATION_QUEUE,
  DmcaRestorationQueue,
  type DmcaRestorationJob,
} from '../../application/dmca/dmca-restoration-queue.js';

@Injectable()
export class BullDmcaRestorationQueue extends DmcaRestorationQueue {
  constructor(@InjectQueue(DMCA_RESTORATION_QUEUE) private readonly queue: Queue<DmcaRestorationJob>) {
    super();
  }

  async schedule(noticeId: string, at: Date): Promise<void> {
    await this.queue.add(
      { noticeId },
      { jobId: `${noticeId}:${at.getTime()}`, delay: Math.max(0, at.getTime() - Date.now()) },
    );
  }
}
