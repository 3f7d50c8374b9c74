import { assertAcceptable, renditionLadder, type ProbeResult } from './media-probe.js';
import { nextStep, overallPercent } from './media-asset.js';

const limits = { maxDurationSeconds: 3600, maxWidth: 4096, maxHeight: 2160 };
const video = (
  overrides: Partial<ProbeResult> = {},
  stream: Partial<NonNullable<ProbeResult['video']>> = {},
): ProbeResult => ({
  formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
  durationSeconds: 10,
  sizeBytes: 1000,
  video: { codec: 'h264', width: 1920, height: 1080, frameRate: 30, durationSeconds: 10, ...stream },
  audio: { codec: 'aac', channels: 2, durationSeconds: 10 },
  ...overrides,
});
const codeOf = (probe: ProbeResult) => {
  try {
    assertAcceptable(probe, limits);
    return 'accepted';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('probe rules', () => {
  it('accepts a common H.264/AAC MP4, and a video without sound', () => {
    expect(codeOf(video())).toBe('accepted');
    expect(codeOf(video({ audio: null }))).toBe('accepted');
  });

  it.each([
    ['an image format', video({ formatName: 'png_pipe' }), 'studio.media.unsupported-container'],
    ['audio only', video({ video: null }), 'studio.media.no-video-stream'],
    ['an unknown video codec', video({}, { codec: 'gif' }), 'studio.media.unsupported-codec'],
    [
      'an unknown audio codec',
      video({ audio: { codec: 'wmapro', channels: 2, durationSeconds: 10 } }),
      'studio.media.unsupported-codec',
    ],
    ['no duration', video({ durationSeconds: null }, { durationSeconds: null }), 'studio.media.truncated'],
    ['a single frame', video({ durationSeconds: 0.04 }), 'studio.media.too-short'],
    ['too long', video({ durationSeconds: 3601 }), 'studio.media.too-long'],
    ['too large', video({}, { width: 7680, height: 4320 }), 'studio.media.resolution-too-high'],
    ['too small', video({}, { width: 16, height: 16 }), 'studio.media.resolution-too-low'],
  ])('refuses %s', (_name, probe, code) => expect(codeOf(probe)).toBe(code));

  it('accepts portrait 4K (the limit applies to the long and the short side)', () => {
    expect(codeOf(video({}, { width: 2160, height: 3840 }))).toBe('accepted');
  });
});

describe('rendition ladder', () => {
  const names = (width: number, height: number) =>
    renditionLadder({ width, height }).map((r) => `${r.name}:${r.width}x${r.height}`);

  it('climbs to the source height and never above it', () => {
    expect(names(1920, 1080)).toEqual(['360p:640x360', '720p:1280x720', '1080p:1920x1080']);
    expect(names(1280, 720)).toEqual(['360p:640x360', '720p:1280x720']);
    expect(names(1000, 700)).toEqual(['360p:514x360']);
    expect(names(3840, 2160)).toEqual(['360p:640x360', '720p:1280x720', '1080p:1920x1080']);
  });

  it('keeps a source below the lowest rung at its own (even) size', () => {
    expect(names(320, 180)).toEqual(['180p:320x180']);
    expect(names(321, 181)).toEqual(['182p:322x182']);
  });

  it('keeps the aspect ratio of portrait video with even sides', () => {
    expect(names(1080, 1920)[0]).toBe('360p:202x360');
  });
});

describe('pipeline progress', () => {
  it('maps each step’s own progress onto one 0–100 scale, in order', () => {
    expect(overallPercent('probe', 0)).toBe(0);
    expect(overallPercent('transcode', 0.5)).toBe(45);
    expect(overallPercent('transcode', 7)).toBe(85);
    expect(overallPercent('finalize', 1)).toBe(100);
    expect([nextStep('probe'), nextStep('transcode'), nextStep('thumbnails'), nextStep('finalize')]).toEqual([
      'transcode',
      'thumbnails',
      'finalize',
      null,
    ]);
  });
});
