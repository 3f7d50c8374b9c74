/**
 * The seam between studio's two halves: channels and content (videos, publishing, catalog) on one
 * side, media (uploads, storage, probing, transcoding, HLS delivery) on the other. Each side
 * implements the ports the other calls, so either can change inside without touching the other.
 */

export type ChannelRole = 'owner' | 'editor' | 'viewer';

/** Implemented by the channel side: who may act on a channel. */
export abstract class ChannelAccess {
  /** The caller's role on the channel, or null when not a member (or the channel does not exist). */
  abstract roleOf(userId: string, channelId: string): Promise<ChannelRole | null>;
  /** Every member's user id, for pushing progress to the channel's team. */
  abstract memberIds(channelId: string): Promise<string[]>;
  /** The channel owner's user id (whose plan sets upload limits), or null when there is no such channel. */
  abstract ownerOf(channelId: string): Promise<string | null>;
}

export type MediaStep = 'probe' | 'transcode' | 'thumbnails' | 'finalize';
export type MediaState = 'queued' | 'processing' | 'ready' | 'failed';

export interface RenditionView {
  name: string; // e.g. '720p'
  width: number;
  height: number;
  bitrateKbps: number;
}

export interface MediaAssetView {
  id: string;
  uploadId: string;
  channelId: string;
  videoId: string;
  state: MediaState;
  /** The step running now, or the one that failed. */
  step: MediaStep | null;
  /** 0–100 over the whole pipeline. */
  percent: number;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  renditions: RenditionView[];
  /** Thumbnail candidates; `chosenThumbnail` indexes into them. */
  thumbnails: { index: number; url: string }[];
  chosenThumbnail: number | null;
  previewUrl: string | null;
  error: { code: string; message: string; step: MediaStep } | null;
}

/** What a page needs to show an asset's stills, as a read joins them from the asset's row. */
export interface AssetStills {
  assetId: string;
  /** How many thumbnail candidates there are. */
  thumbnails: number;
  chosenThumbnail: number | null;
  hasPreview: boolean;
}

/** Implemented by the media side. */
export abstract class MediaLibrary {
  /**
   * Claims a finished, validated upload in this channel for a video and queues its processing.
   * Throws a DomainError (codes `studio.upload.not-found`, `studio.upload.not-finished`,
   * `studio.upload.already-used`) otherwise.
   */
  abstract startProcessing(input: { uploadId: string; channelId: string; videoId: string }): Promise<MediaAssetView>;
  /**
   * Throws what `startProcessing` would for this upload as it stands, claiming nothing: lets a caller
   * refuse before it writes anything (a concurrent claim can still win, and `startProcessing` says so).
   */
  abstract assertUsable(input: { uploadId: string; channelId: string }): Promise<void>;
  abstract describe(assetId: string): Promise<MediaAssetView | null>;
  /** Signed URLs of the chosen thumbnail (the first when none or an absent one is chosen) and the preview. */
  abstract stillUrls(stills: AssetStills): { thumbnailUrl: string | null; previewUrl: string | null };
  /** Restarts a failed asset from the step that failed. */
  abstract retry(assetId: string): Promise<MediaAssetView>;
  abstract chooseThumbnail(assetId: string, index: number): Promise<MediaAssetView>;
  /** Deletes the asset, its upload and every stored file. Idempotent. */
  abstract remove(assetId: string): Promise<void>;
  /** Short-lived signed URL of the HLS master playlist (segments are signed the same way). */
  abstract playback(
    assetId: string,
    options?: { ttlSeconds?: number },
  ): Promise<{ masterUrl: string; expiresAt: Date }>;
}

/**
 * Implemented by the channel side; media calls it (in the worker) after each change it has
 * committed. Calls may repeat (a retried job), so implementations are idempotent.
 */
export abstract class MediaProcessingListener {
  abstract onProgress(event: {
    assetId: string;
    videoId: string;
    channelId: string;
    step: MediaStep;
    percent: number;
  }): Promise<void>;
  abstract onReady(event: {
    assetId: string;
    videoId: string;
    channelId: string;
    asset: MediaAssetView;
  }): Promise<void>;
  abstract onFailed(event: {
    assetId: string;
    videoId: string;
    channelId: string;
    step: MediaStep;
    code: string;
    message: string;
  }): Promise<void>;
}

/**
 * Implemented by media: a channel's branding images (banner, logo) in the media store, served through
 * the same signed URLs as thumbnails. The channel side decides what is accepted and who may see it.
 */
export abstract class BrandingImageStore {
  /**
   * Confirms with ffprobe that the bytes are the `codec` image of `width`×`height` the header claims
   * (throws `studio.branding.image-unsupported` otherwise), then calls `beforeStoring` with the new key
   * (where storage is counted: if it throws, nothing is stored) and stores the bytes under it.
   */
  abstract put(
    channelId: string,
    kind: 'banner' | 'logo',
    bytes: Buffer,
    image: { type: 'png' | 'jpeg' | 'webp'; width: number; height: number },
    beforeStoring: (key: string) => Promise<void>,
  ): Promise<string>;
  /** A signed URL of a stored image (expires like thumbnail URLs). */
  abstract url(channelId: string, key: string): string;
  /** Deletes stored images; idempotent. */
  abstract remove(keys: string[]): Promise<void>;
}
