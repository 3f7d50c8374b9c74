import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { AppConfig } from '@config';
import { MediaProcessingListener, type MediaAssetView } from './media-ports.js';
import { MediaRepository, type AssetRecord } from './media-records.js';
import { MediaStorage } from './media-storage.js';
import { MediaToolError, MediaTools } from './media-tools.js';
import { MediaStepQueue } from './media-queues.js';
import { MediaViews } from './media-views.js';
import { nextStep, overallPercent, type PipelineStep } from '../../domain/media/media-asset.js';
import { assertAcceptable, renditionLadder } from '../../domain/media/media-probe.js';
import { MediaRejectedError } from '../../domain/media/media.errors.js';

const THUMBNAIL_COUNT = 3;
const PROGRESS_EVERY_MS = 1_000;

/** Failures that no retry will fix: the step fails at once. */
export class PermanentStepError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The worker side of media: one method per step, each idempotent (a step whose result is already
 * committed just hands on to the next). Outputs are built in a private scratch folder, stored under
 * a fresh prefix, and become visible only when the database row points at that prefix; leftovers of
 * a crashed run are deleted after the next commit.
 */
@Injectable()
export class MediaPipeline {
  private readonly logger = new Logger(MediaPipeline.name);

  constructor(
    private readonly config: AppConfig,
    private readonly repository: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly tools: MediaTools,
    private readonly steps: MediaStepQueue,
    private readonly views: MediaViews,
    @Optional() private readonly listener?: MediaProcessingListener,
  ) {}

  async run(step: PipelineStep, assetId: string, run: number): Promise<void> {
    const asset = await this.repository.findAsset(assetId);
    if (!asset || asset.run !== run || asset.state === 'failed') return; // stale or removed
    if (asset.state === 'ready') {
      // Marked ready but the listener was not reached (it threw, or the worker died): tell it again.
      if (step === 'finalize') await this.notifyReady(asset);
      return;
    }
    if (!(await this.repository.beginStep(assetId, run, step, overallPercent(step, 0)))) return;
    await this.reportProgress(asset, step, overallPercent(step, 0));
    switch (step) {
      case 'probe':
        await this.probe(asset);
        break;
      case 'transcode':
        await this.transcode(asset);
        break;
      case 'thumbnails':
        await this.thumbnails(asset);
        break;
      case 'finalize':
        await this.finalize(asset);
        return;
    }
    const next = nextStep(step)!;
    await this.steps.enqueue(next, { assetId, run });
  }

  /** Records a step's final failure (no attempts left, or a permanent one) and tells the listener. */
  async fail(step: PipelineStep, assetId: string, run: number, error: unknown): Promise<void> {
    const { code, message } = describeFailure(error);
    const asset = await this.repository.findAsset(assetId);
    if (!asset || !(await this.repository.markFailed(assetId, run, step, { code, message }))) return;
    this.logger.warn({ assetId, step, code, message }, 'media processing failed');
    await this.listener?.onFailed({ assetId, videoId: asset.videoId, channelId: asset.channelId, step, code, message });
  }

  private workDir(asset: AssetRecord, step: PipelineStep): string {
    return join(this.config.media.workDir, asset.id, `${step}-${asset.run}-${randomBytes(4).toString('hex')}`);
  }

  private async probe(asset: AssetRecord): Promise<void> {
    const scratch = this.workDir(asset, 'probe');
    try {
      const source = await this.storage.localPath(asset.sourceKey, scratch);
      const probe = await this.tools.probe(source);
      if (!probe)
        throw new MediaRejectedError('studio.media.unreadable', 'The stored original cannot be read as media');
      assertAcceptable(probe, this.limits());
      await this.repository.saveProbe(asset.id, asset.run, {
        durationSeconds: probe.durationSeconds ?? probe.video!.durationSeconds!,
        width: probe.video!.width,
        height: probe.video!.height,
        hasAudio: probe.audio !== null,
      });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  private async transcode(asset: AssetRecord): Promise<void> {
    if (asset.hlsPrefix) return; // committed by an earlier attempt that died before handing on
    const scratch = this.workDir(asset, 'transcode');
    try {
      const source = await this.storage.localPath(asset.sourceKey, join(scratch, 'source'));
      const ladder = renditionLadder({ width: asset.width!, height: asset.height! });
      const out = join(scratch, 'hls');
      const report = this.progressReporter(asset, 'transcode');
      await this.tools.transcodeHls(
        { path: source, durationSeconds: asset.durationSeconds!, hasAudio: Boolean(asset.hasAudio) },
        ladder,
        out,
        report,
      );
      // ffmpeg wrote everything or failed; still, never publish a playlist that is not complete.
      for (const rung of ladder) {
        const playlist = await readFile(join(out, rung.name, 'index.m3u8'), 'utf8');
        if (!playlist.includes('#EXT-X-ENDLIST'))
          throw new MediaToolError('studio.media.ffmpeg-failed', `The ${rung.name} playlist is incomplete`);
      }
      const prefix = `assets/${asset.id}/hls/${asset.run}-${randomBytes(4).toString('hex')}`;
      await this.storage.putDirectory(prefix, out);
      const renditions = ladder.map((rung) => ({
        name: rung.name,
        width: rung.width,
        height: rung.height,
        bitrateKbps: rung.videoKbps + rung.audioKbps,
      }));
      if (!(await this.repository.saveRenditions(asset.id, asset.run, renditions, prefix))) {
        await this.storage.deletePrefix(prefix); // another attempt committed first
        return;
      }
      await this.removeUncommitted(`assets/${asset.id}/hls`, prefix);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  private async thumbnails(asset: AssetRecord): Promise<void> {
    if (asset.thumbnails.length && asset.previewKey) return;
    const scratch = this.workDir(asset, 'thumbnails');
    try {
      const source = await this.storage.localPath(asset.sourceKey, join(scratch, 'source'));
      const out = join(scratch, 'stills');
      await mkdir(out, { recursive: true });
      const names = await this.tools.stills(
        { path: source, durationSeconds: asset.durationSeconds! },
        THUMBNAIL_COUNT,
        out,
      );
      if (!names.length) throw new MediaToolError('studio.media.ffmpeg-failed', 'No thumbnail could be extracted');
      const prefix = `assets/${asset.id}/stills/${asset.run}-${randomBytes(4).toString('hex')}`;
      await this.storage.putDirectory(prefix, out);
      const saved = await this.repository.saveStills(
        asset.id,
        asset.run,
        names.map((name) => `${prefix}/${name}`),
        Math.floor(names.length / 2),
        `${prefix}/preview.jpg`,
      );
      if (!saved) {
        await this.storage.deletePrefix(prefix);
        return;
      }
      await this.removeUncommitted(`assets/${asset.id}/stills`, prefix);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    await this.repository.saveProgress(asset.id, asset.run, 'thumbnails', overallPercent('thumbnails', 1));
  }

  private async finalize(asset: AssetRecord): Promise<void> {
    if (!asset.hlsPrefix || !(await this.storage.exists(`${asset.hlsPrefix}/master.m3u8`))) {
      throw new PermanentStepError('studio.media.renditions-missing', 'The renditions are missing from storage');
    }
    if (!(await this.repository.markReady(asset.id, asset.run))) return;
    await rm(join(this.config.media.workDir, asset.id), { recursive: true, force: true });
    await this.notifyReady(asset);
  }

  private async notifyReady(asset: AssetRecord): Promise<void> {
    const view = (await this.views.describe(asset.id)) as MediaAssetView;
    await this.listener?.onReady({
      assetId: asset.id,
      videoId: asset.videoId,
      channelId: asset.channelId,
      asset: view,
    });
  }

  /** Progress is best effort: a listener that fails must not fail the transcode. */
  private async reportProgress(asset: AssetRecord, step: PipelineStep, percent: number): Promise<void> {
    try {
      await this.listener?.onProgress({
        assetId: asset.id,
        videoId: asset.videoId,
        channelId: asset.channelId,
        step,
        percent,
      });
    } catch (error) {
      this.logger.warn({ err: error, assetId: asset.id }, 'progress listener failed');
    }
  }

  /** Deletes every run folder under `parent` but the committed one (leftovers of killed attempts). */
  private async removeUncommitted(parent: string, committed: string): Promise<void> {
    const runs = new Set((await this.storage.list(parent)).map((key) => key.split('/').slice(0, 4).join('/')));
    for (const run of runs) if (run !== committed) await this.storage.deletePrefix(run);
  }

  private limits() {
    return { maxDurationSeconds: this.config.media.maxDurationSeconds, maxWidth: 4096, maxHeight: 2160 };
  }

  /** Saves and reports progress at most once a second (ffmpeg reports many times a second). */
  private progressReporter(asset: AssetRecord, step: PipelineStep) {
    let last = 0;
    let lastPercent = -1;
    return (fraction: number) => {
      const now = Date.now();
      const percent = overallPercent(step, fraction);
      if (now - last < PROGRESS_EVERY_MS || percent === lastPercent) return;
      last = now;
      lastPercent = percent;
      void (async () => {
        if (await this.repository.saveProgress(asset.id, asset.run, step, percent))
          await this.reportProgress(asset, step, percent);
      })().catch((error: unknown) => this.logger.warn({ err: error, assetId: asset.id }, 'progress report failed'));
    };
  }
}

export function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof MediaRejectedError || error instanceof MediaToolError || error instanceof PermanentStepError) {
    return { code: error.code, message: error.message };
  }
  return { code: 'studio.media.processing-error', message: error instanceof Error ? error.message : String(error) };
}

/** Whether retrying could help: rejected media and missing inputs stay failed. */
export function isPermanent(error: unknown): boolean {
  return (
    error instanceof MediaRejectedError ||
    error instanceof PermanentStepError ||
    (error instanceof MediaToolError && error.code === 'studio.media.ffmpeg-missing')
  );
}
