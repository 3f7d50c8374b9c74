import { Injectable } from '@nestjs/common';
import { SearchIndex } from '@lib/platform';
import { VideoRepository } from '../../domain/video/video.repository.js';
import { CATALOG_INDEX, CatalogDocuments } from '../catalog/catalog-index.js';
import { ContentRestrictions } from './content-restrictions.js';
import { VideoTakenDownError } from './moderation.errors.js';

/** Puts a video in the catalog or takes it out after a restriction changed, and refuses restricted playback. */
@Injectable()
export class CatalogVisibility {
  constructor(
    private readonly restrictions: ContentRestrictions,
    private readonly videos: VideoRepository,
    private readonly search: SearchIndex,
    private readonly documents: CatalogDocuments,
  ) {}

  /** Call after `bumpVersions`: the document (or tombstone) is written under the video's new version. */
  async refresh(videoId: string): Promise<void> {
    await this.documents.hold(videoId); // counts and edits version the same document (ADR 0039)
    const video = await this.videos.byId(videoId);
    if (!video) return;
    if (video.state === 'published' && !(await this.restrictions.restrictionOf(video.id))) {
      const result = await this.search.upsert(CATALOG_INDEX.name, [await this.documents.of(video)]);
      if (result.failed.length) throw new Error(`catalog refused ${video.id}: ${result.failed[0].reason}`);
      return;
    }
    await this.search.delete(
      CATALOG_INDEX.name,
      video.id,
      await this.documents.versionOf(video.id, video.version ?? 1),
    );
  }

  /** 403 `studio.video.taken-down` when the video is restricted. */
  async assertPlayable(videoId: string): Promise<void> {
    const restriction = await this.restrictions.restrictionOf(videoId);
    if (restriction) throw new VideoTakenDownError(videoId, restriction);
  }
}
