import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import { BillingApi } from '@lib/billing/contracts';
import { ChannelAccess } from './media-ports.js';
import { MediaRepository, type UploadRecord } from './media-records.js';
import { MediaStorage } from './media-storage.js';
import { MediaTools } from './media-tools.js';
import { assertAcceptable } from '../../domain/media/media-probe.js';
import { ChannelNotFoundError, ChannelRoleRequiredError } from '../../domain/channel/channel.errors.js';
import { MediaRejectedError, UploadNotFoundError, UploadTooLargeError } from '../../domain/media/media.errors.js';

export interface UploadView {
  id: string;
  channelId: string;
  filename: string;
  size: number;
  state: UploadRecord['state'];
  checksum: string | null;
  assetId: string | null;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  error: { code: string; message: string } | null;
  createdAt: string;
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** A file name as shown to people: no folders, no control characters, bounded. */
export function safeFilename(name: string | null | undefined): string {
  const base =
    String(name ?? '')
      .split(/[\\/]/)
      .pop() ?? '';
  const clean = base.replace(CONTROL_CHARACTERS, '').replace(/^\.+/, '').trim().slice(0, 200);
  return clean || 'upload';
}

/** The upload rules: who may upload where, how much, and what a finished file must be. */
@Injectable()
export class MediaUploads {
  private readonly logger = new Logger(MediaUploads.name);

  constructor(
    private readonly config: AppConfig,
    private readonly channels: ChannelAccess,
    private readonly billing: BillingApi,
    private readonly repository: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly tools: MediaTools,
  ) {}

  /** Owners and editors may upload; viewers may not (403), and to strangers the channel does not exist (404), as everywhere in studio. */
  async assertCanUpload(userId: string, channelId: string): Promise<void> {
    const role = await this.channels.roleOf(userId, channelId);
    if (!role) throw new ChannelNotFoundError(channelId);
    if (role === 'viewer') throw new ChannelRoleRequiredError('editor', role);
    // The channel's studio runs on its owner's plan, whoever on the team uploads (ADR 0056).
    const owner = await this.channels.ownerOf(channelId);
    if (owner) await this.billing.assertPlanIncludes(owner, 'studio_access');
  }

  /**
   * The largest upload into a channel: its owner's plan decides (MEDIA_UPLOAD_MAX_BYTES_BY_PLAN,
   * e.g. the creator plans), whoever on the team uploads.
   */
  async sizeLimit(channelId: string): Promise<{ limit: number; planId: string }> {
    const limits = this.config.media.uploadMaxBytes;
    const owner = await this.channels.ownerOf(channelId);
    if (!owner) return { limit: limits.otherwise, planId: 'unknown' };
    const { planId } = await this.billing.entitlementsOf(owner);
    return { limit: limits.byPlan[planId] ?? limits.otherwise, planId };
  }

  async assertWithinLimit(channelId: string, size: number): Promise<void> {
    const { limit, planId } = await this.sizeLimit(channelId);
    if (size > limit) throw new UploadTooLargeError({ size, limit, planId });
  }

  /**
   * Counts a new upload against the channel owner's plan before tus creates it (docs/adr/0057): one of
   * `uploads_per_month` and its declared bytes of `storage_bytes`, both keyed by the upload, in the same
   * atomic counters as every quota, so concurrent creations never pass a limit. 402 past either.
   */
  async reserve(channelId: string, uploadId: string, size: number): Promise<void> {
    const owner = await this.channels.ownerOf(channelId);
    if (!owner) throw new ChannelNotFoundError(channelId);
    const key = `upload:${uploadId}`;
    await this.billing.consume(owner, 'uploads_per_month', 1, { key });
    if (size === 0) return;
    try {
      await this.billing.consume(owner, 'storage_bytes', size, { key });
    } catch (error) {
      await this.billing.release(owner, 'uploads_per_month', 1, { key }).catch(() => undefined);
      throw error;
    }
  }

  /** tus did not create the upload after all: neither the upload nor its bytes count. */
  async unreserve(channelId: string, uploadId: string, size: number): Promise<void> {
    const owner = await this.channels.ownerOf(channelId);
    if (!owner) return;
    const key = `upload:${uploadId}`;
    await this.billing.release(owner, 'uploads_per_month', 1, { key });
    if (size > 0) await this.billing.release(owner, 'storage_bytes', size, { key });
  }

  /** The upload's bytes no longer count against the owner's storage (keyed: a second call gives nothing back). */
  async releaseStorage(uploadId: string): Promise<void> {
    const upload = await this.repository.findUpload(uploadId);
    if (!upload || upload.size === 0) return;
    const owner = await this.channels.ownerOf(upload.channelId);
    if (!owner) return;
    await this.billing
      .release(owner, 'storage_bytes', upload.size, { key: `upload:${uploadId}` })
      .catch((error: unknown) => this.logger.warn({ err: error, uploadId }, 'storage not given back'));
  }

  async created(input: {
    id: string;
    channelId: string;
    userId: string;
    filename: string;
    size: number;
  }): Promise<void> {
    await this.repository.createUpload({ ...input, filename: safeFilename(input.filename) });
  }

  /** The upload, if this user started it (anyone else gets not-found: ids are not secrets to guess). */
  async ownUpload(userId: string, uploadId: string): Promise<UploadRecord> {
    const upload = await this.repository.findUpload(uploadId);
    if (!upload || upload.userId !== userId) throw new UploadNotFoundError(uploadId);
    return upload;
  }

  /** An upload visible to a member of its channel. */
  async view(userId: string, uploadId: string): Promise<UploadView> {
    const upload = await this.repository.findUpload(uploadId);
    if (!upload || (upload.userId !== userId && !(await this.channels.roleOf(userId, upload.channelId))))
      throw new UploadNotFoundError(uploadId);
    return this.toView(upload);
  }

  /**
   * Validates a fully received file: probed by ffprobe, its tail decoded (a truncated file fails
   * there), then moved into media storage. A rejected file is recorded with its code and the caller
   * deletes the bytes.
   */
  async finish(uploadId: string, path: string): Promise<UploadView> {
    try {
      const { size } = await stat(path);
      if (size === 0) throw new MediaRejectedError('studio.media.empty-file', 'The file is empty');
      const probe = await this.tools.probe(path);
      if (!probe)
        throw new MediaRejectedError(
          'studio.media.unreadable',
          'The file is not a video ffprobe can read (wrong format, or truncated)',
        );
      assertAcceptable(probe, {
        maxDurationSeconds: this.config.media.maxDurationSeconds,
        maxWidth: 4096,
        maxHeight: 2160,
      });
      const decoded = await this.tools.decodeCheck(path, probe.durationSeconds ?? probe.video!.durationSeconds ?? 0);
      if (!decoded.ok)
        throw new MediaRejectedError(
          'studio.media.truncated',
          'The video cannot be decoded to its end; the file is truncated or corrupt',
          { detail: decoded.error },
        );
      const checksum = await sha256(path);
      const storageKey = `uploads/${uploadId}/original`;
      await this.storage.putFile(storageKey, path, { move: true });
      await this.repository.acceptUpload(uploadId, { checksum, storageKey, probe });
    } catch (error) {
      if (!(error instanceof MediaRejectedError)) throw error;
      this.logger.log({ uploadId, code: error.code }, 'upload rejected');
      await this.repository.rejectUpload(uploadId, { code: error.code, message: error.message });
      await this.releaseStorage(uploadId);
      throw error;
    }
    return this.toView((await this.repository.findUpload(uploadId))!);
  }

  /** The client abandoned an unfinished upload (tus termination deleted its bytes). */
  async terminated(uploadId: string): Promise<void> {
    const upload = await this.repository.findUpload(uploadId);
    if (upload?.state !== 'uploading') return;
    await this.repository.markUploadRemoved(uploadId);
    await this.releaseStorage(uploadId);
  }

  /** Marks uploads still unfinished since before `before` as removed (their bytes are swept by tus). */
  async expireUnfinished(before: Date): Promise<number> {
    const ids = await this.repository.expireUnfinished(before);
    for (const id of ids) await this.releaseStorage(id);
    return ids.length;
  }

  /**
   * Frees accepted uploads that no video claimed since `before`: the rows first (a claim racing this
   * sweep then finds no upload), the stored originals after.
   */
  async removeUnclaimed(before: Date): Promise<number> {
    const ids = await this.repository.removeUnclaimed(before);
    for (const id of ids) {
      await this.storage.deletePrefix(`uploads/${id}`);
      await this.releaseStorage(id);
    }
    return ids.length;
  }

  /** Bulk-upload pre-check: which of these SHA-256 checksums are already in the channel's library. */
  async check(userId: string, channelId: string, checksums: string[]) {
    await this.assertCanUpload(userId, channelId);
    const normalized = checksums.map((c) => c.toLowerCase());
    const found = new Map(
      (await this.repository.findByChecksums(channelId, [...new Set(normalized)])).map((hit) => [hit.checksum, hit]),
    );
    return normalized.map((checksum) => {
      const hit = found.get(checksum);
      return hit
        ? { checksum, status: 'duplicate' as const, uploadId: hit.uploadId, assetId: hit.assetId }
        : { checksum, status: 'new' as const, uploadId: null, assetId: null };
    });
  }

  toView(upload: UploadRecord): UploadView {
    return {
      id: upload.id,
      channelId: upload.channelId,
      filename: upload.filename,
      size: upload.size,
      state: upload.state,
      checksum: upload.checksum,
      assetId: upload.assetId,
      durationSeconds: upload.probe?.durationSeconds ?? null,
      width: upload.probe?.video?.width ?? null,
      height: upload.probe?.video?.height ?? null,
      error: upload.errorCode ? { code: upload.errorCode, message: upload.errorMessage ?? '' } : null,
      createdAt: upload.createdAt.toISOString(),
    };
  }
}

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
