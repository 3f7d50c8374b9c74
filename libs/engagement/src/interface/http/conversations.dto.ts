import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  Max,
} from 'class-validator';
import { AlternativeTo, CursorPageQuery, MAX_PAGE_SIZE, ValidateWhen } from '@lib/platform';
import { DIRECT_MESSAGE_POLICIES } from '../../domain/messaging-settings/messaging-settings.js';

/**
 * Message bodies are checked here for shape only (a string); the configured length limit and blank
 * text are domain rules with their own codes, so every too-long text is told the limit that applies.
 * The request body limit (BODY_LIMIT_BYTES) bounds what reaches the domain.
 */
/** Largest conversation sequence (PostgreSQL `integer`). */
const MAX_SEQ = 2_147_483_647;

const CLIENT_MESSAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class SendMessageRequest {
  @ApiProperty({ description: 'The text; at most MESSAGE_MAX_LENGTH characters, not blank' })
  @IsString()
  text!: string;

  @ApiProperty({
    description: 'Chosen by the client (e.g. a UUID); sending again with it returns the stored message',
    example: 'c8a1f0e2-4b7d-4f0a-9a51-0c2b1d3e4f56',
  })
  @Matches(CLIENT_MESSAGE_ID, { message: 'clientMessageId must be 1–64 letters, digits, - or _' })
  clientMessageId!: string;

  @ApiPropertyOptional({ description: 'The message this one answers (same conversation)' })
  @IsOptional()
  @IsUUID()
  replyToId?: string;
}

/** The socket's `message:send`: to a conversation, or to a person (first message opens the 1:1). */
export class SocketSendMessage extends SendMessageRequest {
  @ApiPropertyOptional({ description: 'The conversation; or give `recipientId` (exactly one of the two)' })
  @AlternativeTo('recipientId')
  @IsUUID()
  conversationId?: string;

  @ApiPropertyOptional({ description: 'A person: the first message opens the 1:1 conversation' })
  @AlternativeTo('conversationId')
  @IsUUID()
  recipientId?: string;
}

export class StartConversationRequest {
  @ApiProperty({ enum: ['direct', 'group'] })
  @IsIn(['direct', 'group'])
  kind!: 'direct' | 'group';

  @ApiPropertyOptional({ description: 'direct: the other person' })
  @ValidateWhen('kind', 'direct')
  @IsUUID()
  recipientId?: string;

  @ApiPropertyOptional({ description: 'group: its title' })
  @ValidateWhen('kind', 'group')
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title?: string;

  @ApiPropertyOptional({ type: [String], description: 'group: the first members besides you' })
  @ValidateWhen('kind', 'group')
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  memberIds?: string[];
}

export class ConversationListQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: ['inbox', 'requests'], default: 'inbox' })
  @IsOptional()
  @IsIn(['inbox', 'requests'])
  folder?: 'inbox' | 'requests';
}

export class MessageListQuery {
  @ApiPropertyOptional({ description: 'Older history: messages with a lower sequence' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SEQ)
  before?: number;

  @ApiPropertyOptional({ description: 'Catch-up: every message created, edited or deleted after this sequence' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SEQ)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 50;
}

export class EditMessageRequest {
  @ApiProperty()
  @IsString()
  text!: string;
}

export class ChangeGroupRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title?: string;
}

export class AddMembersRequest {
  @ApiProperty({ type: [String] })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  userIds!: string[];
}

export class SetRoleRequest {
  @ApiProperty({ enum: ['member', 'admin'] })
  @IsIn(['member', 'admin'])
  role!: 'member' | 'admin';
}

export class MessagingSettingsRequest {
  @ApiProperty({
    enum: DIRECT_MESSAGE_POLICIES,
    description:
      'Who may message you without you following them: everyone (inbox), requests (default), followed (nobody else)',
  })
  @IsIn(DIRECT_MESSAGE_POLICIES)
  directMessages!: 'everyone' | 'requests' | 'followed';
}

export class SocketChangeMessage {
  @ApiProperty() @IsUUID() conversationId!: string;
  @ApiProperty() @IsUUID() messageId!: string;
  @ApiPropertyOptional({ description: '`message:edit` only: the new text' }) @IsOptional() @IsString() text?: string;
}

export class MarkReadRequest {
  @ApiProperty({ description: 'Everything up to this sequence has been read' })
  @IsInt()
  @Min(0)
  @Max(MAX_SEQ) // read_seq is an int4 column: a larger number would fail in SQL, not here
  upToSeq!: number;
}

export class SocketMarkRead extends MarkReadRequest {
  @ApiProperty() @IsUUID() conversationId!: string;
}

export class SocketTyping {
  @ApiProperty() @IsUUID() conversationId!: string;
  @ApiProperty({ enum: ['start', 'stop'] }) @IsIn(['start', 'stop']) state!: 'start' | 'stop';
}

export class MessageResponse {
  @ApiProperty() id!: string;
  @ApiProperty() conversationId!: string;
  @ApiProperty({ description: 'Position in the conversation, increasing' }) seq!: number;
  @ApiProperty({ description: 'Sequence of the latest change (edit or deletion)' }) revision!: number;
  @ApiProperty() senderId!: string;
  @ApiProperty() clientMessageId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null when deleted' }) text!: string | null;
  @ApiProperty({ nullable: true, type: String }) replyToId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) editedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) deletedAt!: string | null;
}

export class MessagePageResponse {
  @ApiProperty({ type: [MessageResponse], description: 'Oldest first' }) items!: MessageResponse[];
  @ApiProperty({ description: 'The conversation’s latest sequence' }) lastSeq!: number;
  @ApiProperty() hasMore!: boolean;
}

export class ConversationMemberResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String }) handle!: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({ nullable: true, type: String }) avatarUrl!: string | null;
  @ApiProperty({ enum: ['member', 'admin'] }) role!: string;
  @ApiProperty({ enum: ['active', 'request'] }) status!: string;
}

export class ConversationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['direct', 'group'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() lastSeq!: number;
  @ApiProperty() lastActivityAt!: string;
  @ApiProperty({ type: Object, description: '{ role, status, readSeq } of the caller' }) me!: Record<string, unknown>;
  @ApiProperty() unread!: number;
  @ApiProperty({ type: Object, nullable: true }) lastMessage!: Record<string, unknown> | null;
  @ApiProperty({ type: [ConversationMemberResponse] }) members!: ConversationMemberResponse[];
}

export class ConversationPageResponse {
  @ApiProperty({ type: [ConversationResponse] }) items!: ConversationResponse[];
  @ApiProperty({ description: 'Unread messages over the whole inbox' }) unread!: number;
  @ApiProperty({ description: 'Message requests waiting' }) requests!: number;
  @ApiPropertyOptional() nextCursor?: string;
}

export class MessageRequestAnswerResponse {
  @ApiProperty() conversationId!: string;
  @ApiProperty({ enum: ['active', 'declined'], description: 'Your membership after the answer' }) status!: string;
}

export class ConversationChangeResponse {
  @ApiProperty() conversationId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty() lastSeq!: number;
  @ApiProperty({ type: Object, isArray: true }) members!: Record<string, unknown>[];
}
