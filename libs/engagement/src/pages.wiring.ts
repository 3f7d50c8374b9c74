import { MessagingModule } from '@lib/platform';
import { CommentLikeCounts } from './application/comments/comment-likes.js';
import { SetCommentLikeHandler } from './application/comments/commands/set-comment-like/set-comment-like.handler.js';
import { ClearLikesOfDeletedComments } from './application/comments/reactions/clear-likes-of-deleted-comments.js';
import { PagesReadModel } from './application/pages/pages.read-model.js';
import { GetCreatorPageHandler } from './application/pages/queries/get-creator-page/get-creator-page.handler.js';
import { GetHashtagPageHandler } from './application/pages/queries/get-hashtag-page/get-hashtag-page.handler.js';
import { SqlCommentLikeCounts } from './infrastructure/comments/sql-comment-like-counts.js';
import { SqlPagesReadModel } from './infrastructure/read-models/sql-pages.read-model.js';
import { CommentLikesController } from './interface/comments/comment-likes.controller.js';
import { PagesController } from './interface/http/pages.controller.js';

/**
 * Creator and hashtag pages and comment likes (docs/adr/0039), spread into EngagementModule:
 * `imports`, `controllers` and `providers`, kept apart so the module's other parts merge cleanly.
 */
export const PAGES = {
  imports: [MessagingModule.forContext({ consumers: [ClearLikesOfDeletedComments] })],
  controllers: [PagesController, CommentLikesController],
  providers: [
    { provide: PagesReadModel, useClass: SqlPagesReadModel },
    { provide: CommentLikeCounts, useClass: SqlCommentLikeCounts },
    GetCreatorPageHandler,
    GetHashtagPageHandler,
    SetCommentLikeHandler,
    ClearLikesOfDeletedComments,
  ],
};
