import { IntegrationEvent } from '@lib/platform';
import { IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';

/**
 * A comment became public on a video (at once, or when the team or a moderator released it): once
 * per comment. Insights counts engagement per video; the text stays in engagement.
 */
export class CommentPostedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.comment-posted.v1';

  @IsUUID() readonly commentId!: string;
  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsUUID() readonly authorId!: string;
  /** The thread's root comment for a reply; null for a top-level comment. */
  @IsOptional() @IsUUID() readonly threadId!: string | null;
  @IsArray() @IsString({ each: true }) readonly hashtags!: string[];
  @IsUUID('all', { each: true }) readonly mentionedUserIds!: string[];
  @IsISO8601() readonly postedAt!: string;

  constructor(payload: CommentPostedV1) {
    super();
    Object.assign(this, payload);
  }
}

/** A public comment left its video: deleted by its author or the channel team, or removed by moderation. */
export class CommentDeletedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.comment-deleted.v1';

  @IsUUID() readonly commentId!: string;
  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsUUID() readonly authorId!: string;
  @IsIn(['author', 'team', 'moderation']) readonly deletedBy!: 'author' | 'team' | 'moderation';
  @IsISO8601() readonly deletedAt!: string;

  constructor(payload: CommentDeletedV1) {
    super();
    Object.assign(this, payload);
  }
}
