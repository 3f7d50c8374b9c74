import { MediaRejectedError } from './media.errors.js';

/** What ffprobe found in a file, reduced to what the rules below need. */
export interface ProbeResult {
  /** ffprobe's format names, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  formatName: string;
  durationSeconds: number | null;
  sizeBytes: number;
  video: {
    codec: string;
    width: number;
    height: number;
    frameRate: number | null;
    durationSeconds: number | null;
  } | null;
  audio: { codec: string; channels: number; durationSeconds: number | null } | null;
}

export interface ProbeLimits {
  maxDurationSeconds: number;
  maxHeight: number;
  maxWidth: number;
}

// Containers and codecs a creator would upload from a camera, phone or editor; images and archives are not video.
const CONTAINERS = ['mov', 'mp4', 'matroska', 'webm', 'avi', 'mpegts', 'flv', 'mpeg'];
const VIDEO_CODECS = [
  'h264',
  'hevc',
  'vp8',
  'vp9',
  'av1',
  'mpeg4',
  'mpeg2video',
  'prores',
  'dnxhd',
  'mjpeg',
  'theora',
  'msmpeg4v3',
];
const AUDIO_CODECS = [
  'aac',
  'mp3',
  'opus',
  'vorbis',
  'ac3',
  'eac3',
  'flac',
  'alac',
  'pcm_s16le',
  'pcm_s24le',
  'pcm_f32le',
  'mp2',
];
const MIN_DURATION_SECONDS = 0.5;
const MIN_SIDE = 32;

/** Accepts a probed file as a video we can transcode, or throws the rejection a client sees. */
export function assertAcceptable(probe: ProbeResult, limits: ProbeLimits): void {
  const containers = probe.formatName.split(',');
  if (!containers.some((name) => CONTAINERS.includes(name))) {
    throw new MediaRejectedError(
      'studio.media.unsupported-container',
      `Files in the ${probe.formatName} format are not accepted; upload MP4, MOV, MKV, WebM or AVI`,
      {
        format: probe.formatName,
      },
    );
  }
  if (!probe.video) throw new MediaRejectedError('studio.media.no-video-stream', 'The file has no video stream');
  if (!VIDEO_CODECS.includes(probe.video.codec)) {
    throw new MediaRejectedError(
      'studio.media.unsupported-codec',
      `The video codec ${probe.video.codec} is not supported`,
      { codec: probe.video.codec },
    );
  }
  if (probe.audio && !AUDIO_CODECS.includes(probe.audio.codec)) {
    throw new MediaRejectedError(
      'studio.media.unsupported-codec',
      `The audio codec ${probe.audio.codec} is not supported`,
      { codec: probe.audio.codec },
    );
  }
  const duration = probe.durationSeconds ?? probe.video.durationSeconds;
  if (duration === null || !Number.isFinite(duration)) {
    throw new MediaRejectedError('studio.media.truncated', 'The file has no readable duration; it may be truncated');
  }
  if (duration < MIN_DURATION_SECONDS)
    throw new MediaRejectedError(
      'studio.media.too-short',
      `The video lasts ${duration} s; the minimum is ${MIN_DURATION_SECONDS} s`,
    );
  if (duration > limits.maxDurationSeconds) {
    throw new MediaRejectedError(
      'studio.media.too-long',
      `The video lasts ${Math.round(duration)} s; the limit is ${limits.maxDurationSeconds} s`,
      {
        durationSeconds: duration,
        limit: limits.maxDurationSeconds,
      },
    );
  }
  const { width, height } = probe.video;
  if (width < MIN_SIDE || height < MIN_SIDE)
    throw new MediaRejectedError('studio.media.resolution-too-low', `${width}x${height} is too small to be a video`);
  if (
    Math.min(width, height) > Math.min(limits.maxWidth, limits.maxHeight) ||
    Math.max(width, height) > Math.max(limits.maxWidth, limits.maxHeight)
  ) {
    throw new MediaRejectedError(
      'studio.media.resolution-too-high',
      `${width}x${height} exceeds the limit of ${limits.maxWidth}x${limits.maxHeight}`,
      { width, height },
    );
  }
}

export interface Rung {
  name: string;
  height: number;
  width: number;
  videoKbps: number;
  audioKbps: number;
}

const LADDER = [
  { height: 360, videoKbps: 800 },
  { height: 720, videoKbps: 2_800 },
  { height: 1080, videoKbps: 5_000 },
];

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/**
 * The renditions for a source: every standard rung up to the source's height, never above it (no
 * upscaling); a source smaller than the lowest rung gets one rendition at its own size.
 */
export function renditionLadder(source: { width: number; height: number }): Rung[] {
  const aspect = source.width / source.height;
  const fitting = LADDER.filter((rung) => rung.height <= source.height);
  const rungs = fitting.length ? fitting : [{ height: even(source.height), videoKbps: LADDER[0].videoKbps }];
  return rungs.map((rung) => ({
    name: `${rung.height}p`,
    height: rung.height,
    width: even(rung.height * aspect),
    videoKbps: rung.videoKbps,
    audioKbps: rung.height >= 720 ? 128 : 96,
  }));
}
