import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, CursorPageQuery, type Principal } from '@lib/platform';
import { ApproveCommentCommand } from '../../application/comments/commands/approve-comment/approve-comment.command.js';
import { DeleteCommentCommand } from '../../application/comments/commands/delete-comment/delete-comment.command.js';
import { EditCommentCommand } from '../../application/comments/commands/edit-comment/edit-comment.command.js';
import { PinCommentCommand } from '../../application/comments/commands/pin-comment/pin-comment.command.js';
import { PostCommentCommand } from '../../application/comments/commands/post-comment/post-comment.command.js';
import { SetCommentSettingsCommand } from '../../application/comments/commands/set-comment-settings/set-comment-settings.command.js';
import { ListCommentEditsQuery } from '../../application/comments/queries/list-comment-edits/list-comment-edits.query.js';
import { ListCommentRepliesQuery } from '../../application/comments/queries/list-comment-replies/list-comment-replies.query.js';
import { ListVideoCommentsQuery } from '../../application/comments/queries/list-video-comments/list-video-comments.query.js';
import { ListHashtagCommentsQuery } from '../../application/hashtags/queries/list-hashtag-comments/list-hashtag-comments.query.js';
import {
  CommentHistoryResponse,
  CommentPageResponse,
  CommentResponse,
  CommentSettingsRequest,
  CommentSettingsResponse,
  EditCommentRequest,
  HashtagCommentsResponse,
  PinCommentRequest,
  PinnedCommentResponse,
  PostCommentRequest,
  ReplyRequest,
  VideoCommentsQuery,
  VideoCommentsResponse,
} from './comments.dto.js';

const uuid = () => new ParseUUIDPipe();
const SIGNED_IN = '**Access: any signed-in account.** ';
const TEAM = "**Access: the video's channel team (owner or editor).** ";

@ApiTags('comments')
@ApiBearerAuth()
@Controller('v1')
export class CommentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('videos/:id/comments')
  @ApiOperation({
    summary: "A published video's comment threads",
    description: `${SIGNED_IN}Root comments (replies via /v1/comments/{id}/replies), newest, oldest or top first, with the pinned comment on the first page. Comments of people either side blocks are left out; the caller's own held or hidden comments are included (held ones also for the team).`,
  })
  @ApiOkResponse({ type: VideoCommentsResponse })
  @ApiProblems(400, 401, 404)
  list(@CurrentUser() principal: Principal, @Param('id', uuid()) videoId: string, @Query() query: VideoCommentsQuery) {
    return this.queries.execute(
      new ListVideoCommentsQuery(principal.userId, videoId, query.order, query.limit, query.cursor),
    );
  }

  @Post('videos/:id/comments')
  @ApiOperation({
    summary: 'Comment on a published video (or reply, with replyToId)',
    description: `${SIGNED_IN}Not when comments are off (403), nor to or on the video of someone either side blocks (403). The text passes trust & safety's screening: refused (422 trust-safety.content.refused), or stored held / hidden (seen by its author only).`,
  })
  @ApiCreatedResponse({ type: CommentResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  post(@CurrentUser() principal: Principal, @Param('id', uuid()) videoId: string, @Body() body: PostCommentRequest) {
    return this.commands.execute(
      new PostCommentCommand(principal.userId, { videoId, replyToId: body.replyToId ?? null }, body.text),
    );
  }

  @Post('comments/:id/replies')
  @ApiOperation({
    summary: 'Reply to a comment',
    description: `${SIGNED_IN}A reply to a reply joins the root comment's thread (two levels shown). Same rules as a comment; refused when either of you blocks the other.`,
  })
  @ApiCreatedResponse({ type: CommentResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  reply(@CurrentUser() principal: Principal, @Param('id', uuid()) commentId: string, @Body() body: ReplyRequest) {
    return this.commands.execute(new PostCommentCommand(principal.userId, { replyToId: commentId }, body.text));
  }

  @Get('comments/:id/replies')
  @ApiOperation({
    summary: "A thread's replies, oldest first",
    description: `${SIGNED_IN}Asked of a reply, answers its whole thread. Same visibility as the video's list.`,
  })
  @ApiOkResponse({ type: CommentPageResponse })
  @ApiProblems(400, 401, 404)
  replies(@CurrentUser() principal: Principal, @Param('id', uuid()) commentId: string, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListCommentRepliesQuery(principal.userId, commentId, page.limit, page.cursor));
  }

  @Patch('comments/:id')
  @ApiOperation({
    summary: 'Edit your comment',
    description: `${SIGNED_IN}Its author only, within COMMENT_EDIT_WINDOW_SECONDS (422 engagement.comment.window-closed); the earlier text is kept in the history and the new one is screened again.`,
  })
  @ApiOkResponse({ type: CommentResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  edit(@CurrentUser() principal: Principal, @Param('id', uuid()) commentId: string, @Body() body: EditCommentRequest) {
    return this.commands.execute(new EditCommentCommand(principal.userId, commentId, body.text));
  }

  @Delete('comments/:id')
  @ApiOperation({
    summary: 'Delete a comment (a tombstone keeps its thread)',
    description: `**Access: its author, or the video's channel team (owner or editor).** Others get 403 engagement.comment.not-team.`,
  })
  @ApiOkResponse({ type: CommentResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  remove(@CurrentUser() principal: Principal, @Param('id', uuid()) commentId: string) {
    return this.commands.execute(new DeleteCommentCommand(principal.userId, commentId));
  }

  @Get('comments/:id/history')
  @ApiOperation({ summary: "A comment's earlier texts", description: `${SIGNED_IN}Whoever may see the comment.` })
  @ApiOkResponse({ type: CommentHistoryResponse })
  @ApiProblems(400, 401, 404)
  history(@CurrentUser() principal: Principal, @Param('id', uuid()) commentId: string) {
    return this.queries.execute(new ListCommentEditsQuery(principal.userId, commentId));
  }

  @Post('comments/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a comment held for the team’s approval', description: TEAM })
  @ApiOkResponse({ type: CommentResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  approve(@CurrentUser() principal: Principal, @Param('id', uuid()) commentId: string) {
    return this.commands.execute(new ApproveCommentCommand(principal.userId, commentId));
  }

  @Put('videos/:id/pinned-comment')
  @ApiOperation({ summary: 'Pin a top-level comment (replaces the pinned one)', description: TEAM })
  @ApiOkResponse({ type: PinnedCommentResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  pin(@CurrentUser() principal: Principal, @Param('id', uuid()) videoId: string, @Body() body: PinCommentRequest) {
    return this.commands.execute(new PinCommentCommand(principal.userId, videoId, body.commentId));
  }

  @Delete('videos/:id/pinned-comment')
  @ApiOperation({ summary: 'Unpin', description: TEAM })
  @ApiOkResponse({ type: PinnedCommentResponse })
  @ApiProblems(400, 401, 403, 404)
  unpin(@CurrentUser() principal: Principal, @Param('id', uuid()) videoId: string) {
    return this.commands.execute(new PinCommentCommand(principal.userId, videoId, null));
  }

  @Put('videos/:id/comment-settings')
  @ApiOperation({
    summary: 'Comments on/off, approval of every comment, approval of first-time commenters (channel-wide)',
    description: TEAM,
  })
  @ApiOkResponse({ type: CommentSettingsResponse })
  @ApiProblems(400, 401, 403, 404)
  settings(
    @CurrentUser() principal: Principal,
    @Param('id', uuid()) videoId: string,
    @Body() body: CommentSettingsRequest,
  ) {
    return this.commands.execute(new SetCommentSettingsCommand(principal.userId, videoId, body));
  }

  @Get('hashtags/:tag/comments')
  @ApiOperation({
    summary: "A hashtag's page: public comments carrying it, newest first",
    description: `${SIGNED_IN}The tag is matched in its normalised form (case and Unicode width folded).`,
  })
  @ApiOkResponse({ type: HashtagCommentsResponse })
  @ApiProblems(400, 401)
  hashtag(@CurrentUser() principal: Principal, @Param('tag') tag: string, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListHashtagCommentsQuery(principal.userId, tag, page.limit, page.cursor));
  }
}
