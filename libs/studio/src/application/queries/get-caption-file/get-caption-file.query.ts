import { Query } from '@nestjs/cqrs';

/** A published video's captions in one language, as WebVTT text. */
export class GetCaptionFileQuery extends Query<string> {
  constructor(
    readonly videoId: string,
    readonly language: string,
  ) {
    super();
  }
}
