import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { contentTypeOf, MediaStorage } from '../../application/media/media-storage.js';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Media in an S3-compatible bucket (AWS, MinIO, R2...). With a custom endpoint, path-style
 * addressing is used (what MinIO and most compatible servers expect).
 */
export class S3MediaStorage extends MediaStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    super();
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: Boolean(options.endpoint),
      // Checksums only where S3 requires them: many compatible servers reject aws-chunked trailing checksums.
      ...(options.endpoint
        ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const }
        : {}),
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
    });
  }

  private static checkKey(key: string): string {
    if (!key || key.startsWith('/') || key.split('/').some((part) => part === '..' || part === '.' || part === ''))
      throw new Error(`Invalid storage key: ${key}`);
    return key;
  }

  async putFile(key: string, localPath: string, options: { contentType?: string } = {}): Promise<void> {
    const { size } = await stat(localPath);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: S3MediaStorage.checkKey(key),
        Body: createReadStream(localPath),
        ContentLength: size,
        ContentType: options.contentType ?? contentTypeOf(key),
      }),
    );
  }

  async putDirectory(prefix: string, localDir: string): Promise<number> {
    const entries = await readdir(localDir, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    // A few uploads at a time: segments are small and many.
    for (let i = 0; i < files.length; i += 8) {
      await Promise.all(
        files
          .slice(i, i + 8)
          .map((file) => this.putFile(`${prefix}/${relative(localDir, file).split(sep).join('/')}`, file)),
      );
    }
    return files.length;
  }

  async read(key: string) {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: S3MediaStorage.checkKey(key) }),
      );
      return { stream: answer.Body as Readable, size: Number(answer.ContentLength ?? 0) };
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  async readBuffer(key: string): Promise<Buffer | null> {
    const object = await this.read(key);
    if (!object) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of object.stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }

  async localPath(key: string, scratchDir: string): Promise<string> {
    const object = await this.read(key);
    if (!object) throw new Error(`No object ${key} in the bucket`);
    const path = join(scratchDir, key.split('/').pop()!);
    await mkdir(dirname(path), { recursive: true });
    await pipeline(object.stream, createWriteStream(path));
    return path;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: S3MediaStorage.checkKey(key) }));
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: `${S3MediaStorage.checkKey(prefix)}/`,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async deletePrefix(prefix: string): Promise<void> {
    const keys = await this.list(prefix);
    for (let i = 0; i < keys.length; i += 1000) {
      await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
        }),
      );
    }
    await this.delete(prefix).catch(() => undefined);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: S3MediaStorage.checkKey(key) }));
  }

  destroy(): void {
    this.client.destroy();
  }
}
