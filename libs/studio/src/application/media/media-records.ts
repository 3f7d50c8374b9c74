import type { ProbeResult } from '../../domain/media/media-probe.js';
import type { PipelineStep } from '../../domain/media/media-asset.js';
import type { MediaState, RenditionView } from './media-ports.js';

export type UploadState = 'uploading' | 'accepted' | 'rejected' | 'removed';

export interface UploadRecord {
  id: string;
  channelId: string;
  userId: string;
  filename: string;
  size: number;
  state: UploadState;
  checksum: string | null;
  storageKey: string | null;
  probe: ProbeResult | null;
  errorCode: string | null;
  errorMessage: string | null;
  assetId: string | null;
  createdAt: Date;
}

export interface AssetRecord {
  id: string;
  uploadId: string;
  channelId: string;
  videoId: string;
  state: MediaState;
  step: PipelineStep | null;
  percent: number;
  sourceKey: string;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  hasAudio: boolean | null;
  renditions: RenditionView[];
  hlsPrefix: string | null;
  thumbnails: string[];
  chosenThumbnail: number | null;
  previewKey: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  run: number;
}

/**
 * Uploads and assets. Every pipeline write is conditional on the asset's `run`, so a job left over
 * from an earlier run (a retry started meanwhile) cannot overwrite the current one.
 */
export abstract class MediaRepository {
  abstract createUpload(input: {
    id: string;
    channelId: string;
    userId: string;
    filename: string;
    size: number;
  }): Promise<void>;
  abstract findUpload(id: string): Promise<UploadRecord | null>;
  abstract acceptUpload(id: string, input: { checksum: string; storageKey: string; probe: ProbeResult }): Promise<void>;
  abstract rejectUpload(id: string, error: { code: string; message: string }): Promise<void>;
  abstract markUploadRemoved(id: string): Promise<void>;
  /** The ids of the uploads it marked removed. */
  abstract expireUnfinished(before: Date): Promise<string[]>;
  /** Marks accepted uploads no video claimed since `before` as removed (so none can be claimed now); returns their ids. */
  abstract removeUnclaimed(before: Date): Promise<string[]>;
  /** Accepted uploads in the channel with one of these checksums (checksum → upload, asset). */
  abstract findByChecksums(
    channelId: string,
    checksums: string[],
  ): Promise<Array<{ checksum: string; uploadId: string; assetId: string | null }>>;

  /** Creates the asset and links the upload to it in one statement pair; false when the upload was claimed meanwhile. */
  abstract createAsset(asset: {
    id: string;
    uploadId: string;
    channelId: string;
    videoId: string;
    sourceKey: string;
  }): Promise<boolean>;
  abstract findAsset(id: string): Promise<AssetRecord | null>;
  /** Starts `step` of `run`; false when the run is stale or the asset was removed. */
  abstract beginStep(id: string, run: number, step: PipelineStep, percent: number): Promise<boolean>;
  /** Moves the percent forward within `step`; false when the asset has moved on (or nothing changed). */
  abstract saveProgress(id: string, run: number, step: PipelineStep, percent: number): Promise<boolean>;
  abstract saveProbe(
    id: string,
    run: number,
    facts: { durationSeconds: number; width: number; height: number; hasAudio: boolean },
  ): Promise<boolean>;
  abstract saveRenditions(id: string, run: number, renditions: RenditionView[], hlsPrefix: string): Promise<boolean>;
  abstract saveStills(
    id: string,
    run: number,
    thumbnails: string[],
    chosen: number,
    previewKey: string,
  ): Promise<boolean>;
  abstract markReady(id: string, run: number): Promise<boolean>;
  abstract markFailed(
    id: string,
    run: number,
    step: PipelineStep,
    error: { code: string; message: string },
  ): Promise<boolean>;
  /** Failed → queued at the failed step, with a new run number; null when the asset is not failed. */
  abstract restart(id: string): Promise<{ run: number; step: PipelineStep } | null>;
  abstract chooseThumbnail(id: string, index: number): Promise<void>;
  abstract deleteAsset(id: string): Promise<void>;
  /** Assets queued or processing (to re-enqueue at worker start after a lost Redis). */
  abstract unfinished(): Promise<AssetRecord[]>;
}
