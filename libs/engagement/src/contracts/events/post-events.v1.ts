import { IntegrationEvent } from '@lib/platform';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

/** A creator's post became public (at once, or when trust & safety released it): once per post. */
export class PostPublishedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.post-published.v1';

  @IsUUID() readonly postId!: string;
  @IsUUID() readonly authorId!: string;
  /** The creator's own video the post links, if any. */
  @IsOptional() @IsUUID() readonly videoId!: string | null;
  /** When it was written: its place in feeds. */
  @IsISO8601() readonly postedAt!: string;

  constructor(payload: PostPublishedV1) {
    super();
    Object.assign(this, payload);
  }
}

/** A public post left view: deleted by its author, hidden or removed by trust & safety. */
export class PostWithdrawnV1 extends IntegrationEvent {
  static override readonly type = 'engagement.post-withdrawn.v1';

  @IsUUID() readonly postId!: string;
  @IsUUID() readonly authorId!: string;
  @IsISO8601() readonly withdrawnAt!: string;

  constructor(payload: PostWithdrawnV1) {
    super();
    Object.assign(this, payload);
  }
}
