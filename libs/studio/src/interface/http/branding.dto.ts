import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TAGLINE_MAX_LENGTH } from '../../domain/channel/branding.js';

export class SetBrandingRequest {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '#e4572e',
    pattern: '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$',
    description: 'Hex colour, `#rgb` or `#rrggbb` (stored as `#rrggbb`); left out or null clears it',
  })
  @IsOptional()
  @IsString()
  @Matches(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { message: 'accentColor must be a hex colour, #rgb or #rrggbb' })
  accentColor?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: TAGLINE_MAX_LENGTH,
    example: 'Late-night cooking, every Friday',
    description: 'One line shown under the channel name; screened like the description. Left out or null clears it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TAGLINE_MAX_LENGTH)
  tagline?: string | null;
}

export class BrandingImageResponse {
  @ApiProperty({ description: 'Signed URL, valid for MEDIA_URL_TTL_SECONDS' }) url!: string;
  @ApiProperty({ enum: ['png', 'jpeg', 'webp'] }) type!: string;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty() bytes!: number;
  @ApiProperty() uploadedAt!: string;
}

export class ChannelBrandingResponse {
  @ApiProperty() channelId!: string;
  @ApiProperty({ nullable: true, type: String, example: '#e4572e' }) accentColor!: string | null;
  @ApiProperty({ nullable: true, type: String }) tagline!: string | null;
  @ApiProperty({ nullable: true, type: BrandingImageResponse }) banner!: BrandingImageResponse | null;
  @ApiProperty({ nullable: true, type: BrandingImageResponse }) logo!: BrandingImageResponse | null;
  @ApiProperty({
    description:
      'Whether public pages show it now: false when nothing is set or while the owner’s plan lacks `custom_branding` (kept, shown again on upgrade)',
  })
  shownPublicly!: boolean;
}
