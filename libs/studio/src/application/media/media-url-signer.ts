import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { InvalidMediaSignatureError } from '../../domain/media/media.errors.js';

export const MEDIA_ROUTE = '/v1/media';

/**
 * Signs media URLs: `/v1/media/<assetId>/<path>?exp=<unix s>&sig=<hmac>` where the HMAC covers the
 * asset, the path and the expiry, so a signature is good for one file until one moment only.
 */
@Injectable()
export class MediaUrlSigner {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    // Derived from the platform secret: no new secret to manage, and it is shared by every API node.
    this.key = createHmac('sha256', config.auth.jwtSecret).update('studio-media-urls').digest();
  }

  /** The path (under the API's origin) of a signed file URL. */
  signedPath(assetId: string, path: string, expiresAt: number): string {
    return `${MEDIA_ROUTE}/${assetId}/${path}?exp=${expiresAt}&sig=${this.signature(assetId, path, expiresAt)}`;
  }

  url(assetId: string, path: string, ttlSeconds = this.config.media.urlTtlSeconds): { url: string; expiresAt: Date } {
    const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
    return { url: `${this.config.urls.public}${this.signedPath(assetId, path, exp)}`, expiresAt: new Date(exp * 1000) };
  }

  /** Throws `studio.media-url.expired` or `studio.media-url.invalid`. */
  verify(assetId: string, path: string, exp: unknown, sig: unknown): number {
    const expiresAt = Number(exp);
    if (typeof sig !== 'string' || !Number.isSafeInteger(expiresAt))
      throw new InvalidMediaSignatureError('studio.media-url.invalid');
    const expected = Buffer.from(this.signature(assetId, path, expiresAt));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new InvalidMediaSignatureError('studio.media-url.invalid');
    if (expiresAt * 1000 < Date.now()) throw new InvalidMediaSignatureError('studio.media-url.expired');
    return expiresAt;
  }

  private signature(assetId: string, path: string, expiresAt: number): string {
    return createHmac('sha256', this.key).update(`${assetId}\n${path}\n${expiresAt}`).digest('base64url');
  }
}

/**
 * Rewrites every URI of an HLS playlist (segment and variant lines, `URI="..."` attributes) to a
 * signed URL with the same expiry as the playlist's own. `dir` is the playlist's folder in the asset.
 */
export function signPlaylist(playlist: string, dir: string, sign: (path: string) => string): string {
  const resolveUri = (uri: string) => {
    if (/^[a-z]+:\/\//i.test(uri) || uri.startsWith('/')) return null; // never sign what is not ours
    const parts = [...(dir ? dir.split('/') : []), ...uri.split('?')[0].split('/')];
    const out: string[] = [];
    for (const part of parts) {
      if (part === '..') out.pop();
      else if (part && part !== '.') out.push(part);
    }
    return out.join('/');
  };
  return playlist
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      if (!trimmed) return line;
      if (trimmed.startsWith('#')) {
        return line.replace(/URI="([^"]+)"/g, (whole, uri: string) => {
          const path = resolveUri(uri);
          return path ? `URI="${sign(path)}"` : whole;
        });
      }
      const path = resolveUri(trimmed);
      return path ? sign(path) : line;
    })
    .join('\n');
}
