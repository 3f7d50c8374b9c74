import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { POST_STATUSES } from '../../domain/posts/post.js';

/** Shape only here; the configured length and blank text are domain rules with their own codes. */
const HARD_TEXT_CAP = 100_000;

export class WritePostRequest {
  @ApiProperty({ description: 'The announcement; at most POST_MAX_LENGTH characters (500), not blank' })
  @IsString()
  @MaxLength(HARD_TEXT_CAP)
  text!: string;

  @ApiPropertyOptional({ description: 'One of your own published videos to link' })
  @IsOptional()
  @IsUUID()
  videoId?: string;
}

export class PostAuthorResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String }) handle!: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({ nullable: true, type: String }) avatarUrl!: string | null;
}

export class PostResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: PostAuthorResponse }) author!: PostAuthorResponse;
  @ApiProperty({ nullable: true, type: String }) text!: string | null;
  @ApiProperty({ nullable: true, type: String }) videoId!: string | null;
  @ApiProperty({ enum: POST_STATUSES }) status!: string;
  @ApiProperty({ description: 'Kept out of feeds while trust & safety reviews it (seen by its author only)' })
  held!: boolean;
  @ApiProperty() createdAt!: string;
}

export class PostPageResponse {
  @ApiProperty({ type: [PostResponse] }) items!: PostResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}

export class FeedVideoResponse {
  @ApiProperty() videoId!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '`free`, or the entitlement that opens it' }) accessLevel!: string;
  @ApiProperty({ nullable: true, type: String }) earlyAccessUntil!: string | null;
  @ApiProperty({ nullable: true, type: Number }) durationSeconds!: number | null;
}

export class FeedPostResponse {
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The linked video, while published' })
  videoId!: string | null;
}

export class FeedEntryResponse {
  @ApiProperty({ enum: ['video', 'post'] }) type!: string;
  @ApiProperty() id!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ type: PostAuthorResponse }) author!: PostAuthorResponse;
  @ApiProperty({ type: FeedVideoResponse, nullable: true }) video!: FeedVideoResponse | null;
  @ApiProperty({ type: FeedPostResponse, nullable: true }) post!: FeedPostResponse | null;
  @ApiProperty({ description: "The viewer's plan does not open this video (yet): show it with a lock" })
  locked!: boolean;
}

export class FeedPageResponse {
  @ApiProperty({ type: [FeedEntryResponse] }) items!: FeedEntryResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}

export class WhatsNewQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 20;
}

export class WhatsNewResponse {
  @ApiProperty({ type: [FeedEntryResponse] }) items!: FeedEntryResponse[];
}
