import { Injectable } from '@nestjs/common';
import { RealtimeEmitter, UnitOfWork, userRoom, type ServerEvent } from '@lib/platform';
import type { Comment } from '../../domain/comments/comment.js';
import { PersonRepository } from '../../domain/person/person.repository.js';
import { Notifier } from '../notifier.js';
import { toCommentView, type CommentAuthorView, type CommentView } from './comment-views.js';
import { CommentsReadModel } from './comments.read-model.js';
import { COMMENT_CREATED, COMMENT_DELETED, COMMENT_UPDATED } from '../realtime-events.js';

/** The Socket.IO room of the people watching a video's page (joined with `comments:watch`). */
export const videoRoom = (videoId: string) => `video:${videoId}`;

/**
 * Tells the world about comment changes once the transaction that made them commits: pushes to the
 * video's room (never to people either side blocks with the author, never for comments nobody else
 * may see) and notifications to the creator, the person answered and the people mentioned.
 */
@Injectable()
export class CommentAnnouncer {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly realtime: RealtimeEmitter,
    private readonly notifier: Notifier,
    private readonly people: PersonRepository,
    private readonly comments: CommentsReadModel,
  ) {}

  async authorOf(comment: Comment): Promise<CommentAuthorView> {
    const person = await this.people.find(comment.authorId);
    return {
      userId: comment.authorId,
      handle: person?.handle ?? null,
      displayName: person?.displayName ?? null,
      avatarUrl: person?.avatarUrl ?? null,
    };
  }

  /** A comment was stored or released; when it just became public, everyone concerned hears of it. */
  async posted(comment: Comment, justAnnounced: boolean, creatorId: string | null): Promise<CommentView> {
    const view = toCommentView(comment, await this.authorOf(comment));
    if (!justAnnounced) return view;
    await this.push(comment, COMMENT_CREATED, view);
    await this.notify(comment, creatorId);
    return view;
  }

  /** The text or the status changed: the room sees the new version, or loses it when it stops being public. */
  async changed(comment: Comment, wasPublic: boolean, pinned = false): Promise<CommentView> {
    const view = toCommentView(comment, await this.authorOf(comment), pinned);
    if (comment.counts) await this.push(comment, COMMENT_UPDATED, view);
    else if (comment.isDeleted && wasPublic) await this.push(comment, COMMENT_DELETED, view);
    else if (wasPublic) await this.push(comment, COMMENT_DELETED, { ...view, text: null });
    return view;
  }

  private async push(comment: Comment, event: ServerEvent, payload: unknown): Promise<void> {
    const excluded = (await this.comments.blockedWith(comment.authorId)).map(userRoom);
    this.unitOfWork.afterCommit(() => this.realtime.toRoomExcept(videoRoom(comment.videoId), excluded, event, payload));
  }

  /** One notification per person: being answered beats being mentioned, both beat the creator's notice. */
  private async notify(comment: Comment, creatorId: string | null): Promise<void> {
    const occurrence = `comment:${comment.id}`;
    const data = { videoId: comment.videoId, commentId: comment.id, threadId: comment.threadId };
    const told = new Set<string>([comment.authorId]);
    if (comment.inReplyToAuthorId && !told.has(comment.inReplyToAuthorId)) {
      told.add(comment.inReplyToAuthorId);
      await this.notifier.notify({
        userId: comment.inReplyToAuthorId,
        occurrence,
        type: 'comment.reply',
        actorId: comment.authorId,
        subjectId: comment.id,
        data,
      });
    }
    for (const userId of comment.mentionedUserIds) {
      if (told.has(userId)) continue;
      told.add(userId);
      await this.notifier.notify({
        userId,
        occurrence,
        type: 'mention',
        actorId: comment.authorId,
        subjectId: comment.id,
        data,
      });
    }
    if (creatorId && !told.has(creatorId)) {
      await this.notifier.notify({
        userId: creatorId,
        occurrence,
        type: 'comment.new',
        actorId: comment.authorId,
        subjectId: comment.videoId,
        groupKey: `comment.new:${comment.videoId}`,
        data,
      });
    }
  }
}
