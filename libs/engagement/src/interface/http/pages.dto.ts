import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CommentResponse } from '../comments/comments.dto.js';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 12, description: 'How many latest videos (and comments)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit = 12;
}

export class PageVideoResponse {
  @ApiProperty() videoId!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() creatorId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ nullable: true, type: Number }) durationSeconds!: number | null;
  @ApiProperty() publishedAt!: string;
}

export class PageChannelBrandingResponse {
  @ApiProperty({ nullable: true, type: String, example: '#e4572e' }) accentColor!: string | null;
  @ApiProperty({ nullable: true, type: String }) tagline!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Signed; expires like thumbnail URLs' }) bannerUrl!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Signed; expires like thumbnail URLs' }) logoUrl!:
    string | null;
}

export class PageChannelResponse {
  @ApiProperty() channelId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({
    nullable: true,
    type: PageChannelBrandingResponse,
    description: 'Null when the channel has none, or its owner’s plan does not include `custom_branding`',
  })
  branding!: PageChannelBrandingResponse | null;
}

export class PageCreatorResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() handle!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) avatarUrl!: string | null;
}

export class CreatorPageResponse {
  @ApiProperty({ type: PageCreatorResponse }) creator!: PageCreatorResponse;
  @ApiProperty() followerCount!: number;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Null for anonymous visitors' }) viewerFollows!:
    boolean | null;
  @ApiProperty({ type: [PageChannelResponse] }) channels!: PageChannelResponse[];
  @ApiProperty({ description: 'Published videos on the creator’s channels' }) videoCount!: number;
  @ApiProperty({ type: [PageVideoResponse], description: 'Newest first' }) latestVideos!: PageVideoResponse[];
}

export class HashtagPageResponse {
  @ApiProperty({ description: 'The normalised tag (NFKC, lower case, no #)' }) tag!: string;
  @ApiProperty({ description: 'Public comments carrying it on published videos' }) commentCount!: number;
  @ApiProperty({ description: 'Published videos tagged with it (blocked creators left out)' }) videoCount!: number;
  @ApiProperty({ type: [PageVideoResponse], description: 'Newest first' }) latestVideos!: PageVideoResponse[];
  @ApiProperty({ type: [CommentResponse], description: 'Newest first; /v1/hashtags/{tag}/comments pages further' })
  latestComments!: CommentResponse[];
}
