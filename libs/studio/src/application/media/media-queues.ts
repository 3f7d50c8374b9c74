import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import type { PipelineStep } from '../../domain/media/media-asset.js';

/** One queue per pipeline step, so each step has its own concurrency and retries. */
export const MEDIA_QUEUES = {
  probe: 'studio.media-probe',
  transcode: 'studio.media-transcode',
  thumbnails: 'studio.media-thumbnails',
  finalize: 'studio.media-finalize',
} as const satisfies Record<PipelineStep, string>;

export interface MediaStepJob {
  assetId: string;
  /** The asset's run when queued: a job of an older run finds the asset moved on and does nothing. */
  run: number;
}

/** Queues pipeline steps; the job id makes a repeated enqueue of the same step of the same run a no-op. */
@Injectable()
export class MediaStepQueue {
  private readonly queues: Record<PipelineStep, Queue<MediaStepJob>>;

  constructor(
    @InjectQueue(MEDIA_QUEUES.probe) probe: Queue<MediaStepJob>,
    @InjectQueue(MEDIA_QUEUES.transcode) transcode: Queue<MediaStepJob>,
    @InjectQueue(MEDIA_QUEUES.thumbnails) thumbnails: Queue<MediaStepJob>,
    @InjectQueue(MEDIA_QUEUES.finalize) finalize: Queue<MediaStepJob>,
  ) {
    this.queues = { probe, transcode, thumbnails, finalize };
  }

  queue(step: PipelineStep): Queue<MediaStepJob> {
    return this.queues[step];
  }

  async enqueue(step: PipelineStep, job: MediaStepJob): Promise<void> {
    await this.queues[step].add(job, { jobId: `${job.assetId}:${job.run}:${step}` });
  }
}
