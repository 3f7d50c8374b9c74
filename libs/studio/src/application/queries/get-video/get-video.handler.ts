import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { VideoGate } from '../../video-gate.js';
import { VideoViews } from '../videos/video.views.js';
import { GetVideoQuery } from './get-video.query.js';

@QueryHandler(GetVideoQuery)
export class GetVideoHandler implements IQueryHandler<GetVideoQuery> {
  constructor(
    private readonly gate: VideoGate,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId }: GetVideoQuery) {
    const { video } = await this.gate.require(userId, videoId, 'viewer');
    return this.views.of(video);
  }
}
