import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FollowStateResponse {
  @ApiProperty() following!: boolean;
  @ApiProperty({ description: 'The followee’s follower count after the change' }) followers!: number;
}

export class FollowListItemResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() handle!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) avatarUrl!: string | null;
  @ApiProperty() followedAt!: string;
}

export class FollowListResponse {
  @ApiProperty({ type: [FollowListItemResponse] }) items!: FollowListItemResponse[];
  @ApiProperty({ description: 'How many in all' }) total!: number;
  @ApiPropertyOptional() nextCursor?: string;
}

export class RestrictionStateResponse {
  @ApiProperty({ enum: ['block', 'mute'] }) kind!: string;
  @ApiProperty() on!: boolean;
}

export class RestrictedPersonResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() handle!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() since!: string;
}

export class RestrictedPeopleResponse {
  @ApiProperty({ type: [RestrictedPersonResponse] }) items!: RestrictedPersonResponse[];
}
