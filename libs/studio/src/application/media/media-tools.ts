import type { ProbeResult, Rung } from '../../domain/media/media-probe.js';

/** Reports how far a long ffmpeg run is, as a fraction 0–1. */
export type ProgressCallback = (fraction: number) => void;

/**
 * The media tools (ffprobe/ffmpeg), run as child processes with a timeout and bounded concurrency.
 * Failures throw `MediaToolError` with a stable code.
 */
export abstract class MediaTools {
  /** Reads a file's container and streams; null when it is not a media file ffprobe can read. */
  abstract probe(path: string): Promise<ProbeResult | null>;
  /** Decodes the whole file without writing anything: finds truncated or corrupt files. */
  abstract decodeCheck(path: string, durationSeconds: number): Promise<{ ok: boolean; error?: string }>;
  /** HLS renditions for the ladder and a master playlist `master.m3u8` in `outDir` (`<rung>/index.m3u8`). */
  abstract transcodeHls(
    input: { path: string; durationSeconds: number; hasAudio: boolean },
    ladder: Rung[],
    outDir: string,
    onProgress?: ProgressCallback,
  ): Promise<void>;
  /** `count` JPEG candidates spread over the video (`thumb_<i>.jpg`, i from 0) and `preview.jpg`. */
  abstract stills(input: { path: string; durationSeconds: number }, count: number, outDir: string): Promise<string[]>;
}

export class MediaToolError extends Error {
  constructor(
    readonly code:
      | 'studio.media.ffmpeg-failed'
      | 'studio.media.ffmpeg-timeout'
      | 'studio.media.ffmpeg-killed'
      | 'studio.media.ffmpeg-missing',
    message: string,
  ) {
    super(message);
    this.name = 'MediaToolError';
  }
}
