import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bull';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { ProcessRole } from '@lib/platform';
import { MEDIA_STEPS, type PipelineStep } from '../../domain/media/media-asset.js';
import { isPermanent, MediaPipeline } from '../../application/media/media-pipeline.js';
import { MediaStepQueue, type MediaStepJob } from '../../application/media/media-queues.js';
import { MediaRepository } from '../../application/media/media-records.js';
import { MediaTools } from '../../application/media/media-tools.js';
import { FfmpegMediaTools } from '../../infrastructure/media/ffmpeg-media-tools.js';

/**
 * The worker side of the pipeline: each step's queue gets a processor (ffmpeg steps bounded by
 * MEDIA_FFMPEG_CONCURRENCY), and at start every unfinished asset is queued again, so a lost Redis
 * or a crash never strands one (job ids make the re-add a no-op when the job still exists).
 */
@Injectable()
export class MediaJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MediaJobs.name);

  constructor(
    private readonly steps: MediaStepQueue,
    private readonly pipeline: MediaPipeline,
    private readonly repository: MediaRepository,
    private readonly tools: MediaTools,
    private readonly role: ProcessRole,
    private readonly orm: MikroORM,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.role.worker) return;
    const concurrency = this.config.media.ffmpegConcurrency;
    for (const step of MEDIA_STEPS) {
      const slots = step === 'probe' || step === 'finalize' ? 4 : concurrency;
      void this.steps.queue(step).process(slots, (job) => this.handle(step, job));
    }
    await RequestContext.create(this.orm.em, async () => {
      for (const asset of await this.repository.unfinished()) {
        await this.steps.enqueue(asset.step ?? 'probe', { assetId: asset.id, run: asset.run });
      }
    });
  }

  beforeApplicationShutdown(): void {
    // Before the queues close (they wait for active jobs): a transcode cut short here is retried.
    if (this.tools instanceof FfmpegMediaTools) this.tools.killAll();
  }

  private handle(step: PipelineStep, job: Job<MediaStepJob>): Promise<void> {
    const { assetId, run } = job.data;
    return RequestContext.create(this.orm.em, async () => {
      try {
        await this.pipeline.run(step, assetId, run);
      } catch (error) {
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (isPermanent(error) || lastAttempt) {
          await this.pipeline.fail(step, assetId, run, error);
          if (isPermanent(error)) return; // recorded; retrying would fail the same way
        } else {
          this.logger.warn({ assetId, step, attempt: job.attemptsMade + 1, err: error }, 'media step failed; it will be retried');
        }
        throw error;
      }
    });
  }
}
