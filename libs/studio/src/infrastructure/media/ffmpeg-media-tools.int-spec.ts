import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FfmpegMediaTools } from './ffmpeg-media-tools.js';

const dir = mkdtempSync(join(tmpdir(), 'ffmpeg-tools-'));
/** A stand-in binary: logs its start and end, then sleeps (a long encode) or exits with `code`. */
function fakeBinary(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const input = { path: '/dev/null', durationSeconds: 1, hasAudio: false };
const ladder = [{ name: '180p', width: 320, height: 180, videoKbps: 300, audioKbps: 64 }];

describe('running ffmpeg as a child process', () => {
  it('kills a run that exceeds the timeout and says so', async () => {
    const tools = new FfmpegMediaTools({
      ffmpegPath: fakeBinary('slow', 'sleep 30'),
      ffprobePath: 'ffprobe',
      concurrency: 1,
      timeoutMs: 300,
    });
    await expect(tools.transcodeHls(input, ladder, join(dir, 'out-slow'))).rejects.toMatchObject({
      code: 'studio.media.ffmpeg-timeout',
    });
    expect(tools.running()).toEqual([]);
  });

  it('runs at most `concurrency` processes at once', async () => {
    const log = join(dir, 'overlap.log');
    writeFileSync(log, '');
    const binary = fakeBinary('logged', `echo "start $$" >> ${log}; sleep 0.3; echo "end $$" >> ${log}`);
    const tools = new FfmpegMediaTools({
      ffmpegPath: binary,
      ffprobePath: 'ffprobe',
      concurrency: 1,
      timeoutMs: 10_000,
    });
    await Promise.all([1, 2, 3].map((i) => tools.transcodeHls(input, ladder, join(dir, `out-${i}`))));
    const events = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[0]);
    expect(events).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
  });

  it('never queues a probe (an upload waits on it) behind a running encode', async () => {
    const probeJson = JSON.stringify({ format: { format_name: 'mov,mp4', duration: '2.0', size: '10' }, streams: [] });
    const tools = new FfmpegMediaTools({
      ffmpegPath: fakeBinary('long-encode', 'sleep 5'),
      ffprobePath: fakeBinary('fast-probe', `echo '${probeJson}'`),
      concurrency: 1,
      timeoutMs: 10_000,
    });
    let encodeSettled = false;
    const encode = tools.transcodeHls(input, ladder, join(dir, 'out-long')).finally(() => (encodeSettled = true));
    const probe = await tools.probe('/dev/null');
    expect(probe).toMatchObject({ formatName: 'mov,mp4', durationSeconds: 2, video: null });
    expect(encodeSettled).toBe(false);
    tools.killAll();
    await expect(encode).rejects.toMatchObject({ code: 'studio.media.ffmpeg-killed' });
  });

  it('starts nothing after killAll (shutdown): a transcode about to begin is reported killed, to be retried', async () => {
    const started = join(dir, 'started-after-kill');
    const tools = new FfmpegMediaTools({
      ffmpegPath: fakeBinary('marks-start', `touch ${started}`),
      ffprobePath: fakeBinary('unused-probe', 'exit 1'),
      concurrency: 1,
      timeoutMs: 10_000,
    });
    tools.killAll();
    await expect(tools.transcodeHls(input, ladder, join(dir, 'out-after-kill'))).rejects.toMatchObject({
      code: 'studio.media.ffmpeg-killed',
    });
    expect(existsSync(started)).toBe(false);
  });

  it('reports a failing ffmpeg with its exit code and last words', async () => {
    const tools = new FfmpegMediaTools({
      ffmpegPath: fakeBinary('broken', 'echo "Invalid data found when processing input" >&2; exit 1'),
      ffprobePath: 'ffprobe',
      concurrency: 1,
      timeoutMs: 10_000,
    });
    await expect(tools.transcodeHls(input, ladder, join(dir, 'out-broken'))).rejects.toMatchObject({
      code: 'studio.media.ffmpeg-failed',
      message: expect.stringContaining('Invalid data found'),
    });
  });

  it('names a missing binary', async () => {
    const tools = new FfmpegMediaTools({
      ffmpegPath: join(dir, 'no-such-ffmpeg'),
      ffprobePath: 'ffprobe',
      concurrency: 1,
      timeoutMs: 10_000,
    });
    await expect(tools.transcodeHls(input, ladder, join(dir, 'out-missing'))).rejects.toMatchObject({
      code: 'studio.media.ffmpeg-missing',
    });
  });

  it('finds nothing in a file that is not media', async () => {
    const tools = new FfmpegMediaTools({
      ffmpegPath: 'ffmpeg',
      ffprobePath: 'ffprobe',
      concurrency: 1,
      timeoutMs: 10_000,
    });
    const text = join(dir, 'notes.mp4');
    writeFileSync(text, 'just some notes\n');
    expect(await tools.probe(text)).toBeNull();
  });
});
