import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { MediaStorage } from '../../application/media/media-storage.js';
import { LocalMediaStorage } from './local-media-storage.js';
import { S3MediaStorage } from './s3-media-storage.js';

// s3rver is CommonJS: a real S3-compatible HTTP server (in this process), so the S3 adapter talks S3 over HTTP.
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
};

const scratch = mkdtempSync(join(tmpdir(), 'media-storage-'));
const source = join(scratch, 'source');
mkdirSync(join(source, '720p'), { recursive: true });
writeFileSync(join(source, 'master.m3u8'), '#EXTM3U\n720p/index.m3u8\n');
writeFileSync(join(source, '720p', 'index.m3u8'), '#EXTM3U\nseg_0000.ts\n#EXT-X-ENDLIST\n');
writeFileSync(join(source, '720p', 'seg_0000.ts'), Buffer.alloc(5000, 7));

/** The same behaviour from every MediaStorage adapter. */
function storageContract(name: string, make: () => MediaStorage) {
  describe(`${name} media storage`, () => {
    let storage: MediaStorage;
    beforeAll(() => {
      storage = make();
    });

    it('stores a folder under a prefix and lists, reads and streams its files', async () => {
      expect(await storage.putDirectory('assets/a1/hls/r1', source)).toBe(3);
      expect(await storage.list('assets/a1/hls')).toEqual([
        'assets/a1/hls/r1/720p/index.m3u8',
        'assets/a1/hls/r1/720p/seg_0000.ts',
        'assets/a1/hls/r1/master.m3u8',
      ]);
      expect((await storage.readBuffer('assets/a1/hls/r1/master.m3u8'))!.toString()).toContain('720p/index.m3u8');
      const segment = (await storage.read('assets/a1/hls/r1/720p/seg_0000.ts'))!;
      expect(segment.size).toBe(5000);
      const chunks: Buffer[] = [];
      for await (const chunk of segment.stream) chunks.push(Buffer.from(chunk));
      expect(Buffer.concat(chunks).equals(Buffer.alloc(5000, 7))).toBe(true);
    });

    it('stores a single file, gives a local path for ffmpeg, and deletes it', async () => {
      const file = join(scratch, `${name}-file.bin`);
      writeFileSync(file, 'original bytes');
      await storage.putFile('uploads/u1/original', file);
      expect(await storage.exists('uploads/u1/original')).toBe(true);
      expect(readFileSync(await storage.localPath('uploads/u1/original', join(scratch, `${name}-dl`)), 'utf8')).toBe(
        'original bytes',
      );
      await storage.delete('uploads/u1/original');
      expect(await storage.exists('uploads/u1/original')).toBe(false);
    });

    it('answers null / false / [] for what does not exist', async () => {
      expect(await storage.read('nothing/here')).toBeNull();
      expect(await storage.readBuffer('nothing/here')).toBeNull();
      expect(await storage.exists('nothing/here')).toBe(false);
      expect(await storage.list('nothing')).toEqual([]);
    });

    it('deletes a whole prefix, idempotently, and nothing beside it', async () => {
      await storage.putDirectory('assets/a2/hls/r1', source);
      await storage.putDirectory('assets/a22/hls/r1', source);
      await storage.deletePrefix('assets/a2');
      await storage.deletePrefix('assets/a2');
      expect(await storage.list('assets/a2')).toEqual([]);
      expect(await storage.list('assets/a22')).toHaveLength(3);
    });

    it('refuses keys that climb out of the storage', async () => {
      await expect(
        storage.readBuffer('../../etc/passwd').then((b) => b ?? Promise.reject(new Error('refused'))),
      ).rejects.toThrow();
      await expect(storage.putFile('../escape', join(source, 'master.m3u8'))).rejects.toThrow(/Invalid storage key/);
    });
  });
}

storageContract('local', () => new LocalMediaStorage(mkdtempSync(join(tmpdir(), 'media-local-'))));

describe('against an S3-compatible server (s3rver)', () => {
  let server: InstanceType<typeof S3rver>;
  let endpoint: string;
  let s3: S3MediaStorage | undefined;
  beforeAll(async () => {
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: mkdtempSync(join(tmpdir(), 's3rver-')),
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    const admin = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await admin.send(new CreateBucketCommand({ Bucket: 'media' }));
    admin.destroy();
  });
  afterAll(async () => {
    s3?.destroy();
    await server?.close();
  });

  storageContract(
    's3',
    () =>
      (s3 = new S3MediaStorage({
        bucket: 'media',
        region: 'us-east-1',
        endpoint,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      })),
  );
});
