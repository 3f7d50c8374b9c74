import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CursorPageQuery } from '@lib/platform';
import { COMMENT_STATUSES } from '../../domain/comments/comment.js';

/** Shape only here; the configured length and blank text are domain rules with their own codes. */
const HARD_TEXT_CAP = 100_000;

export class PostCommentRequest {
  @ApiProperty({
    description: 'The text; at most COMMENT_MAX_LENGTH characters, not blank. `@handle` mentions, `#tag` hashtags',
  })
  @IsString()
  @MaxLength(HARD_TEXT_CAP)
  text!: string;

  @ApiPropertyOptional({ description: 'The comment answered; it must be on this video' })
  @IsOptional()
  @IsUUID()
  replyToId?: string;
}

export class ReplyRequest {
  @ApiProperty({ description: 'The text; at most COMMENT_MAX_LENGTH characters, not blank' })
  @IsString()
  @MaxLength(HARD_TEXT_CAP)
  text!: string;
}

export class VideoCommentsQuery extends CursorPageQuery {
  @ApiPropertyOptional({
    enum: ['newest', 'oldest', 'top'],
    default: 'newest',
    description: 'top: most likes + replies first',
  })
  @IsOptional()
  @IsIn(['newest', 'oldest', 'top'])
  order: 'newest' | 'oldest' | 'top' = 'newest';
}

export class PinCommentRequest {
  @ApiProperty({ description: 'A public top-level comment of this video' })
  @IsUUID()
  commentId!: string;
}

export class CommentSettingsRequest {
  @ApiPropertyOptional({ description: 'Turn comments on this video on or off' })
  @IsOptional()
  @IsBoolean()
  commentsEnabled?: boolean;

  @ApiPropertyOptional({ description: 'Every new comment on this video waits for the team’s approval' })
  @IsOptional()
  @IsBoolean()
  requireApproval?: boolean;

  @ApiPropertyOptional({
    description: 'Channel-wide: a first comment on any of the channel’s videos waits for approval',
  })
  @IsOptional()
  @IsBoolean()
  approveFirstTimeCommenters?: boolean;
}

export class CommentAuthorResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String }) handle!: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({ nullable: true, type: String }) avatarUrl!: string | null;
}

export class CommentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() videoId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The thread’s root comment; null for a root' })
  threadId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The comment answered (deeper replies are flattened into the thread)',
  })
  inReplyToId!: string | null;
  @ApiProperty({ nullable: true, type: String }) inReplyToUserId!: string | null;
  @ApiProperty({ type: CommentAuthorResponse }) author!: CommentAuthorResponse;
  @ApiProperty({ nullable: true, type: String, description: 'Null once deleted (a tombstone)' }) text!: string | null;
  @ApiProperty({
    enum: COMMENT_STATUSES,
    description: 'held / hidden comments are shown to their author (held ones also to the team)',
  })
  status!: string;
  @ApiProperty({ nullable: true, enum: ['screening', 'approval'] }) heldFor!: string | null;
  @ApiProperty({ type: [String], description: 'Normalised tags, each linking to /v1/hashtags/{tag}/comments' })
  hashtags!: string[];
  @ApiProperty({ type: [String] }) mentionedUserIds!: string[];
  @ApiProperty() replyCount!: number;
  @ApiProperty({ description: 'People who like it (`top` orders by likes + replies)' }) likes!: number;
  @ApiProperty() pinned!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) editedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) deletedAt!: string | null;
}

export class CommentPageResponse {
  @ApiProperty({ type: [CommentResponse] }) items!: CommentResponse[];
  @ApiPropertyOptional({ description: 'Absent on the last page' }) nextCursor?: string;
}

export class VideoCommentsResponse extends CommentPageResponse {
  @ApiProperty({ description: 'Public, undeleted comments and replies' }) total!: number;
  @ApiProperty() commentsEnabled!: boolean;
  @ApiPropertyOptional({ type: CommentResponse, nullable: true, description: 'First page only' })
  pinned?: CommentResponse | null;
}

export class HashtagCommentsResponse extends CommentPageResponse {
  @ApiProperty({ description: 'The tag as stored' }) tag!: string;
}

export class CommentHistoryResponse {
  @ApiProperty() commentId!: string;
  @ApiProperty({ nullable: true, type: String }) text!: string | null;
  @ApiProperty({ description: 'Earlier texts, newest first' }) edits!: Array<{
    previousText: string;
    editedAt: string;
  }>;
}

export class PinnedCommentResponse {
  @ApiProperty() videoId!: string;
  @ApiProperty({ nullable: true, type: String }) pinnedCommentId!: string | null;
}

export class CommentSettingsResponse {
  @ApiProperty() videoId!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() commentsEnabled!: boolean;
  @ApiProperty() requireApproval!: boolean;
  @ApiProperty() approveFirstTimeCommenters!: boolean;
  @ApiProperty({ nullable: true, type: String }) pinnedCommentId!: string | null;
}

/** The socket's `comments:watch` / `comments:unwatch`. */
export class WatchVideoComments {
  @ApiProperty()
  @IsUUID()
  videoId!: string;
}

export class EditCommentRequest extends ReplyRequest {}
