import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { BRANDING_FILE_PATH } from './branding-images.js';
import { MediaRepository } from './media-records.js';
import { contentTypeOf, MediaStorage } from './media-storage.js';
import { MediaUrlSigner, signPlaylist } from './media-url-signer.js';
import { MediaAssetNotFoundError } from '../../domain/media/media.errors.js';
import { ContentRestrictions } from '../moderation/content-restrictions.js';
import { VideoTakenDownError } from '../moderation/moderation.errors.js';

export type DeliveredFile =
  | { kind: 'playlist'; body: string; contentType: string; expiresAt: number }
  | { kind: 'file'; stream: Readable; size: number; contentType: string; expiresAt: number };

const PUBLIC_PATH = /^(hls\/[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)?\.(m3u8|ts)|thumbnails\/\d{1,3}\.jpg|preview\.jpg)$/;

/**
 * Serves an asset's files at their public paths (`hls/...`, `thumbnails/<i>.jpg`, `preview.jpg`) and
 * channels' branding images (`branding/<kind>-<random>.<ext>`, under the channel's id),
 * checking each request's signature and signing every URI inside the playlists it returns.
 */
@Injectable()
export class MediaDelivery {
  constructor(
    private readonly repository: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly signer: MediaUrlSigner,
    private readonly restrictions: ContentRestrictions,
  ) {}

  async open(assetId: string, path: string, exp: unknown, sig: unknown): Promise<DeliveredFile> {
    const expiresAt = this.signer.verify(assetId, path, exp, sig);
    // A channel's branding image: the signature names the channel and the file, which is all the key needs.
    if (BRANDING_FILE_PATH.test(path)) {
      const image = await this.storage.read(`branding/${assetId}/${path.slice('branding/'.length)}`);
      if (!image) throw new MediaAssetNotFoundError(assetId);
      return { kind: 'file', ...image, contentType: contentTypeOf(path), expiresAt };
    }
    if (!PUBLIC_PATH.test(path)) throw new MediaAssetNotFoundError(assetId);
    const asset = await this.repository.findAsset(assetId);
    if (!asset) throw new MediaAssetNotFoundError(assetId);
    // Signed URLs handed out before a takedown stop working with it (playlists and segments alike).
    if (await this.restrictions.assetRestricted(assetId)) throw new VideoTakenDownError(assetId, 'taken-down');
    const key = this.storageKey(asset, path);
    if (!key) throw new MediaAssetNotFoundError(assetId);
    if (path.endsWith('.m3u8')) {
      const playlist = await this.storage.readBuffer(key);
      if (!playlist) throw new MediaAssetNotFoundError(assetId);
      const dir = path.split('/').slice(0, -1).join('/');
      // Every URI inside expires with the playlist that listed it.
      const body = signPlaylist(playlist.toString('utf8'), dir, (p) => this.signer.signedPath(assetId, p, expiresAt));
      return { kind: 'playlist', body, contentType: contentTypeOf(path), expiresAt };
    }
    const file = await this.storage.read(key);
    if (!file) throw new MediaAssetNotFoundError(assetId);
    return { kind: 'file', ...file, contentType: contentTypeOf(path), expiresAt };
  }

  private storageKey(
    asset: { hlsPrefix: string | null; thumbnails: string[]; previewKey: string | null },
    path: string,
  ): string | null {
    if (path.startsWith('hls/')) return asset.hlsPrefix ? `${asset.hlsPrefix}/${path.slice(4)}` : null;
    if (path === 'preview.jpg') return asset.previewKey;
    const index = Number(/^thumbnails\/(\d+)\.jpg$/.exec(path)?.[1]);
    return asset.thumbnails[index] ?? null;
  }
}
