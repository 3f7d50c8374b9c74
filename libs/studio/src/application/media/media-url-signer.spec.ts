import { AppConfig, readEnvironment } from '@config';
import { MediaUrlSigner, signPlaylist } from './media-url-signer.js';
import { MediaViews } from './media-views.js';
import type { MediaRepository } from './media-records.js';
import { safeFilename } from './media-uploads.js';
import { parseUploadMetadata } from '../../interface/media/uploads.controller.js';

const config = new AppConfig(readEnvironment({ MEDIA_URL_TTL_SECONDS: '60' }), {
  databaseUrl: 'postgres://x',
  redisUrl: 'redis://x',
  jwtSecret: 'x'.repeat(32),
});
const asset = '01a204e3-f2f3-73db-8d00-0a1daa5264ec';

describe('signed media URLs', () => {
  const signer = new MediaUrlSigner(config);

  it('verifies what it signed, until it expires', () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    const [, query] = signer.signedPath(asset, 'hls/master.m3u8', exp).split('?');
    const sig = new URLSearchParams(query).get('sig');
    expect(signer.verify(asset, 'hls/master.m3u8', String(exp), sig)).toBe(exp);
    expect(() => signer.verify(asset, 'hls/720p/index.m3u8', String(exp), sig)).toThrow(
      expect.objectContaining({ code: 'studio.media-url.invalid' }),
    );
    expect(() => signer.verify(asset.replace('0', '1'), 'hls/master.m3u8', String(exp), sig)).toThrow(
      expect.objectContaining({ code: 'studio.media-url.invalid' }),
    );
    expect(() => signer.verify(asset, 'hls/master.m3u8', String(exp), undefined)).toThrow(
      expect.objectContaining({ code: 'studio.media-url.invalid' }),
    );
    const past = Math.floor(Date.now() / 1000) - 1;
    const oldSig = new URLSearchParams(signer.signedPath(asset, 'hls/master.m3u8', past).split('?')[1]).get('sig');
    expect(() => signer.verify(asset, 'hls/master.m3u8', String(past), oldSig)).toThrow(
      expect.objectContaining({ code: 'studio.media-url.expired' }),
    );
  });

  it('gives playback URLs the configured lifetime', () => {
    const { expiresAt } = signer.url(asset, 'hls/master.m3u8');
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(55_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
  });
});

describe('the stills a page shows', () => {
  // No repository: stillUrls must sign from what the caller's read brought, without reading the asset.
  const views = new MediaViews(undefined as unknown as MediaRepository, new MediaUrlSigner(config));
  const path = (url: string | null) => (url ? new URL(url).pathname : null);

  it('signs the chosen thumbnail, the first when none or an absent one is chosen, and the preview when there is one', () => {
    const stills = { assetId: asset, thumbnails: 3, chosenThumbnail: 2, hasPreview: true };
    const chosen = views.stillUrls(stills);
    expect([path(chosen.thumbnailUrl), path(chosen.previewUrl)]).toEqual([
      `/v1/media/${asset}/thumbnails/2.jpg`,
      `/v1/media/${asset}/preview.jpg`,
    ]);
    const [, query] = chosen.thumbnailUrl!.split('?');
    const params = new URLSearchParams(query);
    expect(() =>
      new MediaUrlSigner(config).verify(asset, 'thumbnails/2.jpg', params.get('exp'), params.get('sig')),
    ).not.toThrow();
    for (const chosenThumbnail of [null, 3, -1])
      expect(path(views.stillUrls({ ...stills, chosenThumbnail }).thumbnailUrl)).toBe(
        `/v1/media/${asset}/thumbnails/0.jpg`,
      );
    expect(views.stillUrls({ assetId: asset, thumbnails: 0, chosenThumbnail: null, hasPreview: false })).toEqual({
      thumbnailUrl: null,
      previewUrl: null,
    });
  });
});

describe('playlist rewriting', () => {
  const sign = (path: string) => `/signed/${path}`;

  it('signs variant and segment URIs relative to the playlist, leaving tags alone', () => {
    const master = '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=640x360\n360p/index.m3u8\n';
    expect(signPlaylist(master, 'hls', sign)).toBe(
      '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=640x360\n/signed/hls/360p/index.m3u8\n',
    );
    const variant = '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:4.0,\nseg_0000.ts\n#EXT-X-ENDLIST';
    expect(signPlaylist(variant, 'hls/360p', sign)).toBe(
      '#EXTM3U\n#EXT-X-MAP:URI="/signed/hls/360p/init.mp4"\n#EXTINF:4.0,\n/signed/hls/360p/seg_0000.ts\n#EXT-X-ENDLIST',
    );
  });

  it('never signs absolute URLs, and keeps ../ inside the asset', () => {
    expect(signPlaylist('https://elsewhere.example/x.ts\n/root.ts', 'hls', sign)).toBe(
      'https://elsewhere.example/x.ts\n/root.ts',
    );
    expect(signPlaylist('../../../../etc/passwd', 'hls/360p', sign)).toBe('/signed/etc/passwd');
  });
});

describe('upload names and metadata', () => {
  it('keeps only a harmless base name', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\me\\clip.mp4')).toBe('clip.mp4');
    expect(safeFilename('..hidden\u0000.mp4')).toBe('hidden.mp4');
    expect(safeFilename('')).toBe('upload');
    expect(safeFilename('a'.repeat(500))).toHaveLength(200);
  });

  it('reads tus Upload-Metadata and refuses odd keys', () => {
    expect(
      parseUploadMetadata(
        `channelId ${Buffer.from('c1').toString('base64')},filename ${Buffer.from('a b.mp4').toString('base64')},flag`,
      ),
    ).toEqual({
      channelId: 'c1',
      filename: 'a b.mp4',
      flag: '',
    });
    expect(() => parseUploadMetadata('bad/key dg==')).toThrow(
      expect.objectContaining({ code: 'studio.upload.metadata-invalid' }),
    );
  });
});
