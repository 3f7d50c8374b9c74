import type { Readable } from 'node:stream';

/**
 * Where media files live: keys are relative paths like `assets/<id>/hls/<run>/720p/seg_001.ts`.
 * Local disk by default, an S3-compatible bucket in production.
 */
export abstract class MediaStorage {
  /** Copies (or moves, when `move` and the adapter can) a local file to `key`. */
  abstract putFile(key: string, localPath: string, options?: { contentType?: string; move?: boolean }): Promise<void>;
  /** Uploads every file under a local folder to `prefix/` (relative paths kept). */
  abstract putDirectory(prefix: string, localDir: string): Promise<number>;
  /** A readable stream of the object, or null when it does not exist. */
  abstract read(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** The whole object as a buffer (small files: playlists). */
  abstract readBuffer(key: string): Promise<Buffer | null>;
  /** A local path of the object for ffmpeg: the file itself on disk, else a downloaded copy under `scratchDir`. */
  abstract localPath(key: string, scratchDir: string): Promise<string>;
  abstract exists(key: string): Promise<boolean>;
  /** Keys under `prefix/` (recursive). */
  abstract list(prefix: string): Promise<string[]>;
  /** Removes every object under `prefix/` (and `prefix` itself); idempotent. */
  abstract deletePrefix(prefix: string): Promise<void>;
  abstract delete(key: string): Promise<void>;
}

/** Content types of what the pipeline writes; storage adapters and the HLS route share them. */
export function contentTypeOf(key: string): string {
  if (key.endsWith('.m3u8')) return 'application/vnd.apple.mpegurl';
  if (key.endsWith('.ts')) return 'video/mp2t';
  if (key.endsWith('.jpg')) return 'image/jpeg';
  if (key.endsWith('.png')) return 'image/png';
  if (key.endsWith('.webp')) return 'image/webp';
  if (key.endsWith('.mp4')) return 'video/mp4';
  return 'application/octet-stream';
}
