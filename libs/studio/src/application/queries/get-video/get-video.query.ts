import { Query } from '@nestjs/cqrs';
import type { VideoView } from '../videos/video.views.js';

export class GetVideoQuery extends Query<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}
