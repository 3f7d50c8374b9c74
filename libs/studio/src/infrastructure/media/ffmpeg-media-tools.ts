import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProbeResult, Rung } from '../../domain/media/media-probe.js';
import { MediaToolError, MediaTools, type ProgressCallback } from '../../application/media/media-tools.js';
import { faultPoint } from '@lib/platform';

export interface FfmpegOptions {
  ffmpegPath: string;
  ffprobePath: string;
  concurrency: number;
  timeoutMs: number;
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A counting semaphore: at most `limit` ffmpeg processes at once in this process. */
class Slots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async acquire(): Promise<() => void> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.();
    };
  }
}

const STDERR_KEEP = 8_000;

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL'); // the group is gone already, or never formed
  }
}

/** The fields of an ffprobe stream this adapter reads; ffprobe prints numbers as numbers or strings. */
interface ProbedStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  channels?: number;
  avg_frame_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
}

/** ffprobe and ffmpeg as child processes: bounded concurrency, a timeout, progress from `-progress pipe:1`. */
export class FfmpegMediaTools extends MediaTools {
  /** Encodes (transcode, stills): MEDIA_FFMPEG_CONCURRENCY at once. */
  private readonly slots: Slots;
  /** Probes and decode checks: short, and an upload's answer waits on them, so never queued behind an encode. */
  private readonly quickSlots = new Slots(4);
  private readonly children = new Set<ChildProcess>();
  private stopped = false;

  constructor(private readonly options: FfmpegOptions) {
    super();
    this.slots = new Slots(options.concurrency);
  }

  /** The ffmpeg processes running now (tests kill one to simulate a crash). */
  running(): ChildProcess[] {
    return [...this.children];
  }

  /**
   * Kills every running child and refuses to start more (worker shutdown: a half-done transcode is
   * retried elsewhere, and one about to start must not begin after the kill).
   */
  killAll(): void {
    this.stopped = true;
    for (const child of this.children) killGroup(child);
  }

  async probe(path: string): Promise<ProbeResult | null> {
    const result = await this.run(this.options.ffprobePath, [...PROBE_ARGUMENTS, path], {
      timeoutMs: 60_000,
      quick: true,
    });
    // Killed is not "unreadable": the caller retries it rather than rejecting the file.
    if (result.signal) throw new MediaToolError('studio.media.ffmpeg-killed', `ffprobe was killed by ${result.signal}`);
    if (result.code !== 0) return null;
    let parsed: { format?: Record<string, string>; streams?: ProbedStream[] };
    try {
      parsed = JSON.parse(result.stdout) as typeof parsed;
    } catch {
      return null;
    }
    if (!parsed.format) return null;
    const number = (value: unknown) => {
      const n = Number(value);
      return value === undefined || value === 'N/A' || !Number.isFinite(n) ? null : n;
    };
    const streams = parsed.streams ?? [];
    // Cover art (attached pictures) is not a video stream.
    const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
    const audio = streams.find((s) => s.codec_type === 'audio');
    const rate = (value: string | undefined) => {
      const [n, d] = String(value ?? '')
        .split('/')
        .map(Number);
      return n && d ? n / d : null;
    };
    return {
      formatName: parsed.format.format_name ?? '',
      durationSeconds: number(parsed.format.duration),
      sizeBytes: number(parsed.format.size) ?? 0,
      video: video
        ? {
            codec: String(video.codec_name ?? 'unknown'),
            width: Number(video.width ?? 0),
            height: Number(video.height ?? 0),
            frameRate: rate(video.avg_frame_rate),
            durationSeconds: number(video.duration),
          }
        : null,
      audio: audio
        ? {
            codec: String(audio.codec_name ?? 'unknown'),
            channels: Number(audio.channels ?? 0),
            durationSeconds: number(audio.duration),
          }
        : null,
    };
  }

  async decodeCheck(path: string, durationSeconds: number): Promise<{ ok: boolean; error?: string }> {
    // Decoding the last seconds finds a file cut short: its index points past the end of the data.
    const start = Math.max(0, durationSeconds - 3);
    const result = await this.run(
      this.options.ffmpegPath,
      ['-v', 'error', '-nostdin', '-ss', start.toFixed(3), '-i', path, '-map', '0:v:0', '-f', 'null', '-'],
      {
        timeoutMs: 120_000,
        quick: true,
      },
    );
    if (result.signal)
      throw new MediaToolError('studio.media.ffmpeg-killed', `ffmpeg (decode check) was killed by ${result.signal}`);
    const error = result.stderr.trim();
    if (result.code !== 0 || error)
      return { ok: false, error: error.split('\n').slice(-3).join(' ') || `ffmpeg exited with ${result.code}` };
    return { ok: true };
  }

  async transcodeHls(
    input: { path: string; durationSeconds: number; hasAudio: boolean },
    ladder: Rung[],
    outDir: string,
    onProgress?: ProgressCallback,
  ): Promise<void> {
    await mkdir(outDir, { recursive: true });
    const result = await this.run(this.options.ffmpegPath, hlsArguments(input, ladder, outDir), {
      durationSeconds: input.durationSeconds,
      onProgress: (fraction) => {
        faultPoint('media.mid-transcode'); // ffmpeg is running and has written output
        onProgress?.(fraction);
      },
    });
    this.assertSucceeded(result, 'transcode');
  }

  async stills(input: { path: string; durationSeconds: number }, count: number, outDir: string): Promise<string[]> {
    await mkdir(outDir, { recursive: true });
    const { args, names } = stillsArguments(input, count, outDir);
    const result = await this.run(this.options.ffmpegPath, args, {});
    this.assertSucceeded(result, 'thumbnails');
    const written = new Set(await readdir(outDir));
    return names.filter((name) => written.has(name));
  }

  private assertSucceeded(result: RunResult, what: string): void {
    if (result.code === 0) return;
    const tail = result.stderr.trim().split('\n').slice(-3).join(' ');
    if (result.signal)
      throw new MediaToolError('studio.media.ffmpeg-killed', `ffmpeg (${what}) was killed by ${result.signal}`);
    throw new MediaToolError(
      'studio.media.ffmpeg-failed',
      `ffmpeg (${what}) failed with exit code ${result.code}: ${tail}`,
    );
  }

  private async run(
    binary: string,
    args: string[],
    options: { timeoutMs?: number; durationSeconds?: number; onProgress?: ProgressCallback; quick?: boolean },
  ): Promise<RunResult> {
    const release = await (options.quick ? this.quickSlots : this.slots).acquire();
    try {
      // After killAll: reported as killed, so the job is retried elsewhere like one cut short.
      if (this.stopped) return { code: null, signal: 'SIGKILL', stdout: '', stderr: '' };
      return await new Promise<RunResult>((resolve, reject) => {
        const progress = options.onProgress && options.durationSeconds ? ['-progress', 'pipe:1', '-nostats'] : [];
        // Its own process group: a kill reaches whatever it started too (a wrapper script's ffmpeg).
        const child = spawn(binary, [...progress, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        this.children.add(child);
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          killGroup(child);
        }, options.timeoutMs ?? this.options.timeoutMs);
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          if (!progress.length) {
            stdout += chunk;
            return;
          }
          // `-progress` writes key=value lines; out_time_us is the position reached in the output.
          for (const match of chunk.matchAll(/out_time_us=(\d+)/g)) {
            options.onProgress!(Number(match[1]) / 1e6 / options.durationSeconds!);
          }
        });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr = (stderr + chunk).slice(-STDERR_KEEP);
        });
        child.on('error', (error: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          this.children.delete(child);
          reject(
            error.code === 'ENOENT'
              ? new MediaToolError(
                  'studio.media.ffmpeg-missing',
                  `${binary} was not found; install ffmpeg or set FFMPEG_PATH`,
                )
              : error,
          );
        });
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          this.children.delete(child);
          if (timedOut)
            reject(
              new MediaToolError(
                'studio.media.ffmpeg-timeout',
                `ffmpeg took longer than ${Math.round((options.timeoutMs ?? this.options.timeoutMs) / 1000)} s`,
              ),
            );
          else resolve({ code, signal, stdout, stderr });
        });
      });
    } finally {
      release();
    }
  }
}

/**
 * One ffmpeg run for the whole ladder: decode once, scale per rung, H.264/AAC into HLS (VOD, 4 s
 * segments) with a master playlist. Exported for the benchmark's bare-ffmpeg baseline.
 */
export function hlsArguments(input: { path: string; hasAudio: boolean }, ladder: Rung[], outDir: string): string[] {
  const n = ladder.length;
  const split = n > 1 ? `[0:v]split=${n}${ladder.map((_, i) => `[s${i}]`).join('')};` : '';
  const scales = ladder
    .map((rung, i) => `[${n > 1 ? `s${i}` : '0:v'}]scale=${rung.width}:${rung.height},setsar=1[v${i}]`)
    .join(';');
  const args = ['-v', 'error', '-nostdin', '-y', '-i', input.path, '-filter_complex', split + scales];
  ladder.forEach((rung, i) => {
    args.push('-map', `[v${i}]`);
    if (input.hasAudio) args.push('-map', '0:a:0');
    args.push(
      `-b:v:${i}`,
      `${rung.videoKbps}k`,
      `-maxrate:v:${i}`,
      `${Math.round(rung.videoKbps * 1.07)}k`,
      `-bufsize:v:${i}`,
      `${rung.videoKbps * 2}k`,
    );
    if (input.hasAudio) args.push(`-b:a:${i}`, `${rung.audioKbps}k`);
  });
  args.push(
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-profile:v',
    'main',
    '-pix_fmt',
    'yuv420p',
    // Keyframes every 2 s and no scene-cut keyframes: segments line up across renditions.
    '-g',
    '48',
    '-keyint_min',
    '48',
    '-sc_threshold',
    '0',
    '-force_key_frames',
    'expr:gte(t,n_forced*2)',
  );
  if (input.hasAudio) args.push('-c:a', 'aac', '-ac', '2', '-ar', '48000');
  args.push(
    '-f',
    'hls',
    '-hls_time',
    '4',
    '-hls_playlist_type',
    'vod',
    '-hls_flags',
    'independent_segments',
    '-hls_segment_filename',
    join(outDir, '%v', 'seg_%04d.ts'),
    '-master_pl_name',
    'master.m3u8',
    '-var_stream_map',
    ladder
      .map((rung, i) => (input.hasAudio ? `v:${i},a:${i},name:${rung.name}` : `v:${i},name:${rung.name}`))
      .join(' '),
    join(outDir, '%v', 'index.m3u8'),
  );
  return args;
}

/** One ffmpeg run for `count` thumbnail candidates spread over the video and a larger preview still. */
export function stillsArguments(
  input: { path: string; durationSeconds: number },
  count: number,
  outDir: string,
): { args: string[]; names: string[] } {
  // Candidates spread over the middle of the video (the first and last seconds are often black).
  const times = Array.from({ length: count }, (_, i) => (input.durationSeconds * (i + 1)) / (count + 1));
  const args = ['-v', 'error', '-nostdin', '-y'];
  for (const time of times) args.push('-ss', time.toFixed(3), '-i', input.path);
  times.forEach((_, i) =>
    args.push(
      '-map',
      `${i}:v:0`,
      '-frames:v',
      '1',
      '-vf',
      "scale='min(640,iw)':-2",
      '-q:v',
      '4',
      join(outDir, `thumb_${i}.jpg`),
    ),
  );
  args.push(
    '-map',
    `${Math.floor(count / 2)}:v:0`,
    '-frames:v',
    '1',
    '-vf',
    "scale='min(1280,iw)':-2",
    '-q:v',
    '3',
    join(outDir, 'preview.jpg'),
  );
  return { args, names: times.map((_, i) => `thumb_${i}.jpg`) };
}

/** ffprobe's arguments for `probe` (the benchmark's baseline runs the same). */
export const PROBE_ARGUMENTS = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams'];
