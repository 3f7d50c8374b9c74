import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import { HashtagInvalidError, normaliseHashtag } from '../../../../domain/hashtags/hashtags.js';
import { commentPage, decodeCommentCursor } from '../../../comments/comment-pages.js';
import type { CommentView } from '../../../comments/comment-views.js';
import { CommentsReadModel } from '../../../comments/comments.read-model.js';
import { ListHashtagCommentsQuery } from './list-hashtag-comments.query.js';

export interface HashtagPage extends Page<CommentView> {
  /** The tag as stored and linked (`#Café` → `café`). */
  tag: string;
}

/** A hashtag's page: public comments carrying it on published videos, newest first. */
@QueryHandler(ListHashtagCommentsQuery)
export class ListHashtagCommentsHandler implements IQueryHandler<ListHashtagCommentsQuery> {
  constructor(private readonly comments: CommentsReadModel) {}

  async execute({ viewerId, tag, limit, cursor }: ListHashtagCommentsQuery): Promise<HashtagPage> {
    const normalised = normaliseHashtag(tag);
    if (!normalised) throw new HashtagInvalidError(tag);
    const after = decodeCommentCursor(cursor, 'newest');
    const rows = await this.comments.withHashtag(normalised, viewerId, limit + 1, after);
    return { tag: normalised, ...commentPage(rows, limit, 'newest') };
  }
}
