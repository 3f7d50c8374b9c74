import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { PUBLISH_QUEUE, PublishQueue, type PublishJob } from '../../application/publishing/publish-queue.js';

@Injectable()
export class BullPublishQueue extends PublishQueue {
  constructor(@InjectQueue(PUBLISH_QUEUE) private readonly queue: Queue<PublishJob>) {
    super();
  }

  async schedule(videoId: string, at: Date): Promise<void> {
    await this.queue.add(
      { videoId },
      { jobId: `${videoId}:${at.getTime()}`, delay: Math.max(0, at.getTime() - Date.now()) },
    );
  }
}
