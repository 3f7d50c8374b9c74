import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PipelineStep } from '../../domain/media/media-asset.js';
import type { ProbeResult } from '../../domain/media/media-probe.js';
import { MediaRepository, type AssetRecord, type UploadRecord } from '../../application/media/media-records.js';
import type { RenditionView } from '../../application/media/media-ports.js';

// Rows as PostgreSQL returns them; each mapper below gives every column its type.
type Row = Record<string, unknown>;
const str = (value: unknown) => value as string;
const strOrNull = (value: unknown) => (value ?? null) as string | null;

// Ids arrive from clients too (an uploadId in a body): anything not a UUID is simply not found.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const uploadOf = (row: Row): UploadRecord => ({
  id: str(row.id),
  channelId: str(row.channel_id),
  userId: str(row.user_id),
  filename: str(row.filename),
  size: Number(row.size),
  state: row.state as UploadRecord['state'],
  checksum: row.checksum as UploadRecord['checksum'],
  storageKey: row.storage_key as UploadRecord['storageKey'],
  probe: row.probe as UploadRecord['probe'],
  errorCode: row.error_code as UploadRecord['errorCode'],
  errorMessage: row.error_message as UploadRecord['errorMessage'],
  assetId: row.asset_id as UploadRecord['assetId'],
  createdAt: new Date(row.created_at as string | Date),
});

const assetOf = (row: Row): AssetRecord => ({
  id: str(row.id),
  uploadId: str(row.upload_id),
  channelId: str(row.channel_id),
  videoId: row.video_id as AssetRecord['videoId'],
  state: row.state as AssetRecord['state'],
  step: row.step as AssetRecord['step'],
  percent: Number(row.percent),
  sourceKey: row.source_key as AssetRecord['sourceKey'],
  durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
  width: row.width as AssetRecord['width'],
  height: row.height as AssetRecord['height'],
  hasAudio: row.has_audio as AssetRecord['hasAudio'],
  renditions: (row.renditions ?? []) as AssetRecord['renditions'],
  hlsPrefix: row.hls_prefix as AssetRecord['hlsPrefix'],
  thumbnails: (row.thumbnails ?? []) as AssetRecord['thumbnails'],
  chosenThumbnail: row.chosen_thumbnail as AssetRecord['chosenThumbnail'],
  previewKey: row.preview_key as AssetRecord['previewKey'],
  errorCode: strOrNull(row.error_code),
  errorMessage: row.error_message as AssetRecord['errorMessage'],
  run: Number(row.run),
});

/**
 * Media rows through SQL: the pipeline's writes are single conditional statements (guarded by the
 * asset's run number), which an identity-map entity would only make harder to reason about.
 */
@Injectable()
export class SqlMediaRepository extends MediaRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  private rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.em.execute<Row[]>(sql, params);
  }

  private async changed(sql: string, params: unknown[]): Promise<boolean> {
    return (await this.rows(`${sql} returning 1`, params)).length > 0;
  }

  async createUpload(input: {
    id: string;
    channelId: string;
    userId: string;
    filename: string;
    size: number;
  }): Promise<void> {
    await this.rows(
      `insert into studio.media_uploads (id, channel_id, user_id, filename, size) values (?, ?, ?, ?, ?)`,
      [input.id, input.channelId, input.userId, input.filename, input.size],
    );
  }

  async findUpload(id: string): Promise<UploadRecord | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.rows(`select * from studio.media_uploads where id = ?`, [id]);
    return row ? uploadOf(row) : null;
  }

  async acceptUpload(id: string, input: { checksum: string; storageKey: string; probe: ProbeResult }): Promise<void> {
    await this.rows(
      `update studio.media_uploads set state = 'accepted', checksum = ?, storage_key = ?, probe = ?::jsonb, updated_at = now() where id = ? and state = 'uploading'`,
      [input.checksum, input.storageKey, JSON.stringify(input.probe), id],
    );
  }

  async rejectUpload(id: string, error: { code: string; message: string }): Promise<void> {
    await this.rows(
      `update studio.media_uploads set state = 'rejected', error_code = ?, error_message = ?, updated_at = now() where id = ? and state = 'uploading'`,
      [error.code, error.message, id],
    );
  }

  async markUploadRemoved(id: string): Promise<void> {
    await this.rows(
      `update studio.media_uploads set state = 'removed', storage_key = null, updated_at = now() where id = ?`,
      [id],
    );
  }

  async expireUnfinished(before: Date): Promise<string[]> {
    const rows = await this.rows(
      `update studio.media_uploads set state = 'removed', updated_at = now() where state = 'uploading' and created_at < ? returning id`,
      [before],
    );
    return rows.map((row) => row.id as string);
  }

  async removeUnclaimed(before: Date): Promise<string[]> {
    const rows = await this.rows(
      `update studio.media_uploads set state = 'removed', storage_key = null, updated_at = now()
        where state = 'accepted' and asset_id is null and updated_at < ? returning id`,
      [before],
    );
    return rows.map((row) => row.id as string);
  }

  async findByChecksums(channelId: string, checksums: string[]) {
    if (!checksums.length) return [];
    const rows = await this.rows(
      `select distinct on (checksum) checksum, id, asset_id from studio.media_uploads
        where channel_id = ? and state = 'accepted' and checksum in (select jsonb_array_elements_text(?::jsonb)) order by checksum, created_at`,
      [channelId, JSON.stringify(checksums)],
    );
    return rows.map((row) => ({
      checksum: row.checksum as string,
      uploadId: row.id as string,
      assetId: row.asset_id as string | null,
    }));
  }

  async createAsset(asset: {
    id: string;
    uploadId: string;
    channelId: string;
    videoId: string;
    sourceKey: string;
  }): Promise<boolean> {
    return this.em.transactional(async (em) => {
      const claimed = await em.execute<Row[]>(
        `update studio.media_uploads set asset_id = ?, updated_at = now() where id = ? and asset_id is null and state = 'accepted' returning 1`,
        [asset.id, asset.uploadId],
      );
      if (!claimed.length) return false;
      await em.execute(
        `insert into studio.media_assets (id, upload_id, channel_id, video_id, source_key, step) values (?, ?, ?, ?, ?, 'probe')`,
        [asset.id, asset.uploadId, asset.channelId, asset.videoId, asset.sourceKey],
      );
      return true;
    });
  }

  async findAsset(id: string): Promise<AssetRecord | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.rows(`select * from studio.media_assets where id = ?`, [id]);
    return row ? assetOf(row) : null;
  }

  beginStep(id: string, run: number, step: PipelineStep, percent: number): Promise<boolean> {
    return this.changed(
      `update studio.media_assets set state = 'processing', step = ?, percent = greatest(percent, ?), updated_at = now()
        where id = ? and run = ? and state in ('queued', 'processing')`,
      [step, percent, id, run],
    );
  }

  saveProgress(id: string, run: number, step: PipelineStep, percent: number): Promise<boolean> {
    // Only forward within the step running now: a late report of an earlier step changes nothing.
    return this.changed(
      `update studio.media_assets set percent = ?, updated_at = now() where id = ? and run = ? and state = 'processing' and step = ? and percent < ?`,
      [percent, id, run, step, percent],
    );
  }

  saveProbe(
    id: string,
    run: number,
    facts: { durationSeconds: number; width: number; height: number; hasAudio: boolean },
  ): Promise<boolean> {
    return this.changed(
      `update studio.media_assets set duration_seconds = ?, width = ?, height = ?, has_audio = ?, updated_at = now() where id = ? and run = ? and state = 'processing'`,
      [facts.durationSeconds, facts.width, facts.height, facts.hasAudio, id, run],
    );
  }

  saveRenditions(id: string, run: number, renditions: RenditionView[], hlsPrefix: string): Promise<boolean> {
    return this.changed(
      `update studio.media_assets set renditions = ?::jsonb, hls_prefix = ?, updated_at = now() where id = ? and run = ? and state = 'processing'`,
      [JSON.stringify(renditions), hlsPrefix, id, run],
    );
  }

  saveStills(id: string, run: number, thumbnails: string[], chosen: number, previewKey: string): Promise<boolean> {
    return this.changed(
      `update studio.media_assets set thumbnails = ?::jsonb, chosen_thumbnail = coalesce(chosen_thumbnail, ?), preview_key = ?, updated_at = now()
        where id = ? and run = ? and state = 'processing'`,
      [JSON.stringify(thumbnails), chosen, previewKey, id, run],
    );
  }

  markReady(id: string, run: number): Promise<boolean> {
    return this.changed(
      `update studio.media_assets set state = 'ready', step = null, percent = 100, error_code = null, error_message = null, updated_at = now()
        where id = ? and run = ? and state = 'processing'`,
      [id, run],
    );
  }

  markFailed(id: string, run: number, step: PipelineStep, error: { code: string; message: string }): Promise<boolean> {
    return this.changed(
      `update studio.media_assets set state = 'failed', step = ?, error_code = ?, error_message = ?, updated_at = now()
        where id = ? and run = ? and state in ('queued', 'processing')`,
      [step, error.code, error.message, id, run],
    );
  }

  async restart(id: string): Promise<{ run: number; step: PipelineStep } | null> {
    const [row] = await this.rows(
      `update studio.media_assets set state = 'queued', run = run + 1, error_code = null, error_message = null, updated_at = now()
        where id = ? and state = 'failed' returning run, step`,
      [id],
    );
    return row ? { run: Number(row.run), step: row.step as PipelineStep } : null;
  }

  async chooseThumbnail(id: string, index: number): Promise<void> {
    await this.rows(`update studio.media_assets set chosen_thumbnail = ?, updated_at = now() where id = ?`, [
      index,
      id,
    ]);
  }

  async deleteAsset(id: string): Promise<void> {
    await this.rows(`delete from studio.media_assets where id = ?`, [id]);
  }

  async unfinished(): Promise<AssetRecord[]> {
    return (
      await this.rows(
        `select * from studio.media_assets where state in ('queued', 'processing') order by created_at limit 1000`,
      )
    ).map(assetOf);
  }
}
