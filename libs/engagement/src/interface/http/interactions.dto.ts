import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_PLAYLIST_DESCRIPTION, MAX_PLAYLIST_ITEMS, MAX_PLAYLIST_TITLE } from '../../domain/playlists/playlist.js';

export class LikeStateResponse {
  @ApiProperty() liked!: boolean;
  @ApiProperty({ description: 'The video’s like count after the change' }) likes!: number;
}

export class RateVideoBody {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'Whole stars, 1 to 5' })
  @IsInt()
  @Min(1)
  @Max(5)
  stars!: number;
}

export class RatingDistributionResponse {
  @ApiProperty({ name: '1' }) '1'!: number;
  @ApiProperty({ name: '2' }) '2'!: number;
  @ApiProperty({ name: '3' }) '3'!: number;
  @ApiProperty({ name: '4' }) '4'!: number;
  @ApiProperty({ name: '5' }) '5'!: number;
}

export class RatingResponse {
  @ApiProperty() videoId!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Two decimals; null while nobody has rated' })
  average!: number | null;
  @ApiProperty() count!: number;
  @ApiProperty({ type: RatingDistributionResponse }) distribution!: RatingDistributionResponse;
  @ApiProperty({ nullable: true, type: Number, description: 'The caller’s own stars' }) mine!: number | null;
}

export class ReportProgressBody {
  @ApiProperty({ minimum: 0, description: 'Seconds from the start; not past the video’s length' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100_000)
  positionSeconds!: number;

  @ApiPropertyOptional({ description: 'The credits started: counts as completed even before 90%' })
  @IsOptional()
  @IsBoolean()
  creditsReached?: boolean;
}

export class ProgressResponse {
  @ApiProperty({ description: 'False when the caller switched their history off: nothing was kept' })
  recorded!: boolean;
  @ApiProperty() videoId!: string;
  @ApiPropertyOptional() entryId?: string;
  @ApiPropertyOptional() positionSeconds?: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) durationSeconds?: number | null;
  @ApiPropertyOptional() completed?: boolean;
}

export class WatchEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() videoId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() positionSeconds!: number;
  @ApiProperty({ nullable: true, type: Number }) durationSeconds!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '0–1; null when the length is unknown' })
  progress!: number | null;
  @ApiProperty() completed!: boolean;
  @ApiProperty() lastWatchedAt!: string;
}

export class WatchEntryListResponse {
  @ApiProperty({ type: [WatchEntryResponse] }) items!: WatchEntryResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}

export class HistorySettingsBody {
  @ApiProperty({ description: 'false switches history off and clears it' })
  @IsBoolean()
  enabled!: boolean;
}

export class HistorySettingsResponse {
  @ApiProperty() enabled!: boolean;
}

export class ClearedHistoryResponse {
  @ApiProperty() deleted!: number;
}

export class CreatePlaylistBody {
  @ApiProperty({ maxLength: MAX_PLAYLIST_TITLE }) @IsString() @MaxLength(MAX_PLAYLIST_TITLE) title!: string;
  @ApiPropertyOptional({ maxLength: MAX_PLAYLIST_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PLAYLIST_DESCRIPTION)
  description?: string;
  @ApiPropertyOptional({ enum: ['public', 'private'], default: 'private' })
  @IsOptional()
  @IsIn(['public', 'private'])
  visibility?: 'public' | 'private';
}

export class ChangePlaylistBody {
  @ApiPropertyOptional({ maxLength: MAX_PLAYLIST_TITLE })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PLAYLIST_TITLE)
  title?: string;
  @ApiPropertyOptional({ maxLength: MAX_PLAYLIST_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PLAYLIST_DESCRIPTION)
  description?: string;
  @ApiPropertyOptional({ enum: ['public', 'private'] }) @IsOptional() @IsIn(['public', 'private']) visibility?:
    'public' | 'private';
}

export class PlaylistMove {
  @ApiProperty() @IsUUID() videoId!: string;
  @ApiProperty({ minimum: 0, description: '0 = first; past the end = last' }) @IsInt() @Min(0) position!: number;
}

export class ReorderPlaylistBody {
  @ApiPropertyOptional({ type: [String], description: 'Every video of the playlist once, in the new order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PLAYLIST_ITEMS)
  @IsUUID('all', { each: true })
  order?: string[];

  @ApiPropertyOptional({ type: PlaylistMove, description: 'Or move one video' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlaylistMove)
  move?: PlaylistMove;
}

export class PlaylistItemResponse {
  @ApiProperty() videoId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() position!: number;
  @ApiProperty() addedAt!: string;
}

export class PlaylistResponse {
  @ApiProperty() id!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ enum: ['watch-later', 'custom'] }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['public', 'private'] }) visibility!: string;
  @ApiProperty({ description: 'Videos still published (unpublished ones are kept but not shown)' })
  itemCount!: number;
  @ApiProperty({ type: [PlaylistItemResponse] }) items!: PlaylistItemResponse[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class PlaylistSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['watch-later', 'custom'] }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['public', 'private'] }) visibility!: string;
  @ApiProperty() itemCount!: number;
  @ApiProperty() updatedAt!: string;
}

export class PlaylistListResponse {
  @ApiProperty({ type: [PlaylistSummaryResponse], description: '"Watch later" first, then newest first' })
  items!: PlaylistSummaryResponse[];
}

export class SocketProgressReport extends ReportProgressBody {
  @ApiProperty() @IsUUID() videoId!: string;
}
