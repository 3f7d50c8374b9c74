import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectsCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { FileStore } from '@tus/file-store';
import { S3Store } from '@tus/s3-store';
import type { DataStore, KvStore } from '@tus/server';
import type { AppConfig } from '@config';

/**
 * Where partial tus uploads live: somewhere every API node reads and writes (a node may receive the
 * creation, another a PATCH, a third the last byte), never one node's own disk.
 */
export interface TusStore {
  readonly datastore: DataStore;
  /** `local`: a folder under the shared media root; `s3`: the media bucket. */
  readonly kind: 'local' | 's3';
  /** A finished upload as a local file for probing (downloaded from the bucket when it is there); `release` frees the copy. */
  localCopy(id: string): Promise<{ path: string; release: () => Promise<void> }>;
  /** Forgets an upload's bytes and tus record (after it was taken into media storage, or refused). */
  discard(id: string): Promise<void>;
}

/** No per-process cache: each request reads the upload's `.info` object, which every node sees the same. */
const NO_CACHE: KvStore<never> = {
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => undefined,
};

export function createTusStore(config: AppConfig, expirationPeriodInMilliseconds: number): TusStore {
  const storage = config.media.storage;
  if (storage.kind === 's3') {
    const clientConfig = {
      region: storage.region,
      endpoint: storage.endpoint,
      forcePathStyle: Boolean(storage.endpoint),
      // As the media storage: many S3-compatible servers reject aws-chunked trailing checksums.
      ...(storage.endpoint
        ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const }
        : {}),
      credentials:
        storage.accessKeyId && storage.secretAccessKey
          ? { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey }
          : undefined,
    };
    const datastore = new S3Store({
      s3ClientConfig: { ...clientConfig, bucket: storage.bucket },
      cache: NO_CACHE,
      expirationPeriodInMilliseconds,
      // Object tags are not supported by every S3-compatible server; expiry is swept by the server instead.
      useTags: false,
    });
    const client = new S3Client(clientConfig);
    const scratch = resolve(join(config.media.workDir, 'tus-finished'));
    return {
      datastore,
      kind: 's3',
      async localCopy(id) {
        await mkdir(scratch, { recursive: true });
        const path = join(scratch, `${id}-${process.pid}`);
        const object = await client.send(new GetObjectCommand({ Bucket: storage.bucket, Key: id }));
        await pipeline(object.Body as Readable, createWriteStream(path));
        return { path, release: () => rm(path, { force: true }) };
      },
      async discard(id) {
        // S3Store.remove aborts the multipart upload first, which fails once it is complete.
        await datastore.remove(id).catch(() => undefined);
        await client.send(
          new DeleteObjectsCommand({
            Bucket: storage.bucket,
            Delete: { Objects: [{ Key: id }, { Key: `${id}.info` }, { Key: `${id}.part` }], Quiet: true },
          }),
        );
      },
    };
  }
  // Under the media root, which every node mounts when media is on local disk (the original goes there too).
  const directory = resolve(join(storage.root, '.tus'));
  const datastore = new FileStore({ directory, expirationPeriodInMilliseconds });
  return {
    datastore,
    kind: 'local',
    localCopy: async (id) => ({ path: join(directory, id), release: async () => undefined }),
    async discard(id) {
      await rm(join(directory, id), { force: true });
      await datastore.configstore.delete(id);
    },
  };
}

/** The folder holding local partial uploads (tests look into it). */
export function localTusDirectory(config: AppConfig): string {
  return config.media.storage.kind === 'local' ? resolve(join(config.media.storage.root, '.tus')) : '';
}
