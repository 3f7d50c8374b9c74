import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { catalogDocument } from '../../catalog/catalog-index.js';
import { CatalogVideoNotFoundError } from '../../catalog/catalog.errors.js';
import { MediaLibrary } from '../../media/media-ports.js';
import { VideoTakenDownError } from '../../moderation/moderation.errors.js';
import { CatalogVideoReadModel } from './catalog-video.read-model.js';
import { GetCatalogVideoQuery } from './get-catalog-video.query.js';

@QueryHandler(GetCatalogVideoQuery)
export class GetCatalogVideoHandler implements IQueryHandler<GetCatalogVideoQuery> {
  constructor(
    private readonly catalog: CatalogVideoReadModel,
    private readonly media: MediaLibrary,
  ) {}

  async execute({ videoId }: GetCatalogVideoQuery) {
    const video = await this.catalog.published(videoId);
    if (!video) throw new CatalogVideoNotFoundError(videoId);
    // The same refusal as CatalogVisibility.assertPlayable, from the restriction read with the video.
    if (video.restriction) throw new VideoTakenDownError(video.id, video.restriction);
    const stills = video.stills ? this.media.stillUrls(video.stills) : null;
    return {
      id: video.id,
      ...catalogDocument(video.facts),
      thumbnailUrl: stills?.thumbnailUrl ?? null,
      previewUrl: stills?.previewUrl ?? null,
      captions: video.captions.map(({ language, label }) => ({ language, label })),
    };
  }
}
