import { Injectable } from '@nestjs/common';
import { newId } from '@lib/platform/ddd';
import { MediaLibrary, type AssetStills, type MediaAssetView } from './media-ports.js';
import { MediaRepository } from './media-records.js';
import { MediaStepQueue } from './media-queues.js';
import { MediaStorage } from './media-storage.js';
import { MediaUrlSigner } from './media-url-signer.js';
import { MediaViews } from './media-views.js';
import { MediaUploads } from './media-uploads.js';
import {
  MediaAssetNotFoundError,
  MediaNotReadyError,
  MediaNotRetryableError,
  ThumbnailOutOfRangeError,
  UploadAlreadyUsedError,
  UploadNotFinishedError,
  UploadNotFoundError,
} from '../../domain/media/media.errors.js';

/** The media side of the seam: what the channel/video side calls. */
@Injectable()
export class MediaLibraryService extends MediaLibrary {
  constructor(
    private readonly repository: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly steps: MediaStepQueue,
    private readonly views: MediaViews,
    private readonly signer: MediaUrlSigner,
    private readonly uploads: MediaUploads,
  ) {
    super();
  }

  async assertUsable(input: { uploadId: string; channelId: string }): Promise<void> {
    await this.usableUpload(input);
  }

  async startProcessing(input: { uploadId: string; channelId: string; videoId: string }): Promise<MediaAssetView> {
    const upload = await this.usableUpload(input);
    const id = newId();
    if (
      !(await this.repository.createAsset({
        id,
        uploadId: upload.id,
        channelId: upload.channelId,
        videoId: input.videoId,
        sourceKey: upload.storageKey,
      }))
    ) {
      const again = await this.repository.findUpload(upload.id);
      throw new UploadAlreadyUsedError(upload.id, again?.assetId ?? 'unknown');
    }
    await this.steps.enqueue('probe', { assetId: id, run: 1 });
    return (await this.views.describe(id))!;
  }

  /** The upload, when it is finished, validated, in this channel and not claimed yet; else the refusal. */
  private async usableUpload(input: { uploadId: string; channelId: string }) {
    const upload = await this.repository.findUpload(input.uploadId);
    if (!upload || upload.channelId !== input.channelId || upload.state === 'removed')
      throw new UploadNotFoundError(input.uploadId);
    if (upload.state !== 'accepted' || !upload.storageKey) {
      throw new UploadNotFinishedError(
        upload.id,
        upload.state,
        upload.state === 'rejected'
          ? { code: upload.errorCode ?? 'studio.media.unreadable', message: upload.errorMessage ?? '' }
          : undefined,
      );
    }
    if (upload.assetId) throw new UploadAlreadyUsedError(upload.id, upload.assetId);
    return { ...upload, storageKey: upload.storageKey };
  }

  describe(assetId: string): Promise<MediaAssetView | null> {
    return this.views.describe(assetId);
  }

  stillUrls(stills: AssetStills) {
    return this.views.stillUrls(stills);
  }

  async retry(assetId: string): Promise<MediaAssetView> {
    const asset = await this.repository.findAsset(assetId);
    if (!asset) throw new MediaAssetNotFoundError(assetId);
    const restarted = await this.repository.restart(assetId);
    if (!restarted) throw new MediaNotRetryableError(assetId, asset.state);
    await this.steps.enqueue(restarted.step, { assetId, run: restarted.run });
    return (await this.views.describe(assetId))!;
  }

  async chooseThumbnail(assetId: string, index: number): Promise<MediaAssetView> {
    const asset = await this.repository.findAsset(assetId);
    if (!asset) throw new MediaAssetNotFoundError(assetId);
    if (!Number.isInteger(index) || index < 0 || index >= asset.thumbnails.length)
      throw new ThumbnailOutOfRangeError(index, asset.thumbnails.length);
    await this.repository.chooseThumbnail(assetId, index);
    return (await this.views.describe(assetId))!;
  }

  async remove(assetId: string): Promise<void> {
    const asset = await this.repository.findAsset(assetId);
    if (!asset) return;
    // Files first: a crash between leaves a row pointing at nothing (retried), never files nobody owns.
    await this.storage.deletePrefix(`assets/${assetId}`);
    await this.storage.deletePrefix(`uploads/${asset.uploadId}`);
    await this.repository.markUploadRemoved(asset.uploadId);
    await this.uploads.releaseStorage(asset.uploadId);
    await this.repository.deleteAsset(assetId);
  }

  async playback(
    assetId: string,
    options: { ttlSeconds?: number } = {},
  ): Promise<{ masterUrl: string; expiresAt: Date }> {
    const asset = await this.repository.findAsset(assetId);
    if (!asset) throw new MediaAssetNotFoundError(assetId);
    if (asset.state !== 'ready' || !asset.hlsPrefix) throw new MediaNotReadyError(assetId, asset.state);
    const { url, expiresAt } = this.signer.url(assetId, 'hls/master.m3u8', options.ttlSeconds);
    return { masterUrl: url, expiresAt };
  }
}
