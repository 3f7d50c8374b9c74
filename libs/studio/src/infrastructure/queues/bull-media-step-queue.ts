import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { MEDIA_QUEUES, MediaStepQueue, type MediaStepJob } from '../../application/media/media-queues.js';
import type { PipelineStep } from '../../domain/media/media-asset.js';

@Injectable()
export class BullMediaStepQueue extends MediaStepQueue {
  private readonly queues: Record<PipelineStep, Queue<MediaStepJob>>;

  constructor(
    @InjectQueue(MEDIA_QUEUES.probe) probe: Queue<MediaStepJob>,
    @InjectQueue(MEDIA_QUEUES.transcode) transcode: Queue<MediaStepJob>,
    @InjectQueue(MEDIA_QUEUES.thumbnails) thumbnails: Queue<MediaStepJob>,
    @InjectQueue(MEDIA_QUEUES.finalize) finalize: Queue<MediaStepJob>,
  ) {
    super();
    this.queues = { probe, transcode, thumbnails, finalize };
  }

  async enqueue(step: PipelineStep, job: MediaStepJob): Promise<void> {
    // The job id makes the same step of the same run collapse into one job.
    await this.queues[step].add(job, { jobId: `${job.assetId}:${job.run}:${step}` });
  }
}
