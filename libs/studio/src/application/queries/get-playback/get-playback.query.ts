import { Query } from '@nestjs/cqrs';

export class GetPlaybackQuery extends Query<{
  videoId: string;
  masterUrl: string;
  expiresAt: string;
  captions: { language: string; label: string; url: string }[];
}> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}
