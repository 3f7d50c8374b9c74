import { Injectable } from '@nestjs/common';
import type { AssetStills, MediaAssetView } from './media-ports.js';
import { MediaRepository, type AssetRecord } from './media-records.js';
import { MediaUrlSigner } from './media-url-signer.js';

/** Asset rows as the seam's view, with signed URLs for the thumbnails and preview. */
@Injectable()
export class MediaViews {
  constructor(
    private readonly repository: MediaRepository,
    private readonly signer: MediaUrlSigner,
  ) {}

  async describe(assetId: string): Promise<MediaAssetView | null> {
    const asset = await this.repository.findAsset(assetId);
    return asset ? this.view(asset) : null;
  }

  /** Signs only the two stills a page shows, without reading the asset again. */
  stillUrls({ assetId, thumbnails, chosenThumbnail, hasPreview }: AssetStills) {
    const chosen =
      chosenThumbnail !== null &&
      Number.isInteger(chosenThumbnail) &&
      chosenThumbnail >= 0 &&
      chosenThumbnail < thumbnails
        ? chosenThumbnail
        : 0;
    return {
      thumbnailUrl: thumbnails > 0 ? this.signer.url(assetId, `thumbnails/${chosen}.jpg`).url : null,
      previewUrl: hasPreview ? this.signer.url(assetId, 'preview.jpg').url : null,
    };
  }

  view(asset: AssetRecord): MediaAssetView {
    return {
      id: asset.id,
      uploadId: asset.uploadId,
      channelId: asset.channelId,
      videoId: asset.videoId,
      state: asset.state,
      step: asset.state === 'ready' ? null : asset.step,
      percent: asset.percent,
      durationSeconds: asset.durationSeconds,
      width: asset.width,
      height: asset.height,
      renditions: asset.renditions,
      thumbnails: asset.thumbnails.map((_, index) => ({
        index,
        url: this.signer.url(asset.id, `thumbnails/${index}.jpg`).url,
      })),
      chosenThumbnail: asset.thumbnails.length ? asset.chosenThumbnail : null,
      previewUrl: asset.previewKey ? this.signer.url(asset.id, 'preview.jpg').url : null,
      error:
        asset.state === 'failed' && asset.errorCode && asset.step
          ? { code: asset.errorCode, message: asset.errorMessage ?? '', step: asset.step }
          : null,
    };
  }
}
