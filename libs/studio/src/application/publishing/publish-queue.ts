import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';

export const PUBLISH_QUEUE = 'studio.publish-scheduled';

/** `videoId` set: publish that video if due. Absent: the sweep (anything overdue). */
export interface PublishJob {
  videoId?: string;
}

@Injectable()
export class PublishQueue {
  constructor(@InjectQueue(PUBLISH_QUEUE) readonly queue: Queue<PublishJob>) {}

  /** One job per (video, time): re-adding after a restart or a reconcile collapses into the same job. */
  async schedule(videoId: string, at: Date): Promise<void> {
    await this.queue.add(
      { videoId },
      { jobId: `${videoId}:${at.getTime()}`, delay: Math.max(0, at.getTime() - Date.now()) },
    );
  }
}
