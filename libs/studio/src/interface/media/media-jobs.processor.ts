import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bull';
import type { AppConfig } from '@config';
import { OnJob, OnWorkerStart, type JobDeclaration } from '@lib/platform';
import type { PipelineStep } from '../../domain/media/media-asset.js';
import { isPermanent, MediaPipeline } from '../../application/media/media-pipeline.js';
import { MEDIA_QUEUES, MediaStepQueue, type MediaStepJob } from '../../application/media/media-queues.js';
import { MediaRepository } from '../../application/media/media-records.js';
import { MediaTools } from '../../application/media/media-tools.js';
import { FfmpegMediaTools } from '../../infrastructure/media/ffmpeg-media-tools.js';

// Steps retry twice with backoff; ffmpeg has its own timeout (MEDIA_FFMPEG_TIMEOUT_SECONDS), so Bull's is off for ffmpeg steps.
const retried = { attempts: 3, backoff: { type: 'exponential', delay: 2_000 } } satisfies Partial<JobDeclaration>;
const ffmpegSlots = { concurrency: (config: AppConfig) => config.media.ffmpegConcurrency };

/**
 * The worker side of the pipeline: each step's queue gets a handler (ffmpeg steps bounded by
 * MEDIA_FFMPEG_CONCURRENCY), and at start every unfinished asset is queued again, so a lost Redis
 * or a crash never strands one (job ids make the re-add a no-op when the job still exists).
 */
@Injectable()
export class MediaJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MediaJobs.name);

  constructor(
    private readonly steps: MediaStepQueue,
    private readonly pipeline: MediaPipeline,
    private readonly repository: MediaRepository,
    private readonly tools: MediaTools,
  ) {}

  @OnJob({ queue: MEDIA_QUEUES.probe, concurrency: 4, ...retried, timeout: 5 * 60_000 })
  probe(job: Job<MediaStepJob>): Promise<void> {
    return this.handle('probe', job);
  }

  @OnJob({ queue: MEDIA_QUEUES.transcode, ...ffmpegSlots, ...retried, timeout: false })
  transcode(job: Job<MediaStepJob>): Promise<void> {
    return this.handle('transcode', job);
  }

  @OnJob({ queue: MEDIA_QUEUES.thumbnails, ...ffmpegSlots, ...retried, timeout: false })
  thumbnails(job: Job<MediaStepJob>): Promise<void> {
    return this.handle('thumbnails', job);
  }

  @OnJob({ queue: MEDIA_QUEUES.finalize, concurrency: 4, ...retried, timeout: 60_000 })
  finalize(job: Job<MediaStepJob>): Promise<void> {
    return this.handle('finalize', job);
  }

  @OnWorkerStart()
  async requeueUnfinished(): Promise<void> {
    for (const asset of await this.repository.unfinished()) {
      await this.steps.enqueue(asset.step ?? 'probe', { assetId: asset.id, run: asset.run });
    }
  }

  beforeApplicationShutdown(): void {
    // Before the queues close (they wait for active jobs): a transcode cut short here is retried.
    if (this.tools instanceof FfmpegMediaTools) this.tools.killAll();
  }

  private async handle(step: PipelineStep, job: Job<MediaStepJob>): Promise<void> {
    const { assetId, run } = job.data;
    try {
      await this.pipeline.run(step, assetId, run);
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (isPermanent(error) || lastAttempt) {
        await this.pipeline.fail(step, assetId, run, error);
        if (isPermanent(error)) return; // recorded; retrying would fail the same way
      } else {
        this.logger.warn(
          { assetId, step, attempt: job.attemptsMade + 1, err: error },
          'media step failed; it will be retried',
        );
      }
      throw error;
    }
  }
}
