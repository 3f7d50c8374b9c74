import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { VideoRepository } from '../../../domain/video/video.repository.js';
import { CatalogVideoNotFoundError } from '../../catalog/catalog.errors.js';
import { GetCaptionFileQuery } from './get-caption-file.query.js';

@QueryHandler(GetCaptionFileQuery)
export class GetCaptionFileHandler implements IQueryHandler<GetCaptionFileQuery> {
  constructor(private readonly videos: VideoRepository) {}

  async execute({ videoId, language }: GetCaptionFileQuery) {
    const video = await this.videos.byId(videoId);
    const caption =
      video?.state === 'published' ? video.captions.find((candidate) => candidate.language === language) : undefined;
    if (!caption) throw new CatalogVideoNotFoundError(videoId);
    return caption.content;
  }
}
