import { DomainEvent } from '@lib/platform/ddd';

/** A comment became public (at once, or when the team or a moderator released it). */
export class CommentPosted extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly videoId: string,
    readonly channelId: string,
    readonly authorId: string,
    readonly threadId: string | null,
    readonly hashtags: string[],
    readonly mentionedUserIds: string[],
  ) {
    super();
  }
}

/** A comment left the page: deleted by its author or the team, or removed by a moderator. */
export class CommentDeleted extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly videoId: string,
    readonly channelId: string,
    readonly authorId: string,
    readonly deletedBy: 'author' | 'team' | 'moderation',
  ) {
    super();
  }
}
