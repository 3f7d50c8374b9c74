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

/** Port: queues pipeline steps; a repeated enqueue of the same step of the same run is a no-op. */
export abstract class MediaStepQueue {
  abstract enqueue(step: PipelineStep, job: MediaStepJob): Promise<void>;
}
