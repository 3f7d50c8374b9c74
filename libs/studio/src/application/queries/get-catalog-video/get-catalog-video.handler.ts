import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { VideoRepository } from '../../../domain/video/video.repository.js';
import { CatalogDocuments } from '../../catalog/catalog-index.js';
import { CatalogVideoNotFoundError } from '../../catalog/catalog.errors.js';
import { MediaLibrary } from '../../media/media-ports.js';
import { CatalogVisibility } from '../../moderation/catalog-visibility.js';
import { GetCatalogVideoQuery } from './get-catalog-video.query.js';

@QueryHandler(GetCatalogVideoQuery)
export class GetCatalogVideoHandler implements IQueryHandler<GetCatalogVideoQuery> {
  constructor(
    private readonly videos: VideoRepository,
    private readonly documents: CatalogDocuments,
    private readonly media: MediaLibrary,
    private readonly visibility: CatalogVisibility,
  ) {}

  async execute({ videoId }: GetCatalogVideoQuery) {
    const video = await this.videos.byId(videoId);
    if (video?.state !== 'published') throw new CatalogVideoNotFoundError(videoId);
    await this.visibility.assertPlayable(video.id);
    const { body } = await this.documents.of(video);
    const asset = video.assetId ? await this.media.describe(video.assetId) : null;
    const chosen =
      asset?.thumbnails.find((thumbnail) => thumbnail.index === asset.chosenThumbnail) ?? asset?.thumbnails[0];
    return {
      id: video.id,
      ...body,
      thumbnailUrl: chosen?.url ?? null,
      previewUrl: asset?.previewUrl ?? null,
      captions: video.captions.map(({ language, label }) => ({ language, label })),
    };
  }
}
