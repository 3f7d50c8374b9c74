import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProfileChannelResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Night Kitchen' }) name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProfileViewerResponse {
  @ApiProperty({ description: 'Whether the caller follows this person' }) following!: boolean;
  @ApiProperty({ description: 'Whether this person follows the caller' }) followsYou!: boolean;
}

export class PublicProfileResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ada_l' }) handle!: string;
  @ApiProperty({ example: 'Ada L.' }) displayName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) bio!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://cdn.example.com/ada.png' }) avatarUrl!:
    string | null;
  @ApiProperty({ format: 'date-time', description: 'When the account was created' }) joinedAt!: string;
  @ApiProperty({ description: 'People following this person now' }) followerCount!: number;
  @ApiProperty({ description: 'People this person follows now' }) followingCount!: number;
  @ApiProperty({ type: [ProfileChannelResponse], description: 'Channels this person owns, oldest first' })
  channels!: ProfileChannelResponse[];
  @ApiProperty({
    type: ProfileViewerResponse,
    nullable: true,
    description: 'How the signed-in caller relates to this person; null when anonymous or on one’s own profile',
  })
  viewer!: ProfileViewerResponse | null;
}
