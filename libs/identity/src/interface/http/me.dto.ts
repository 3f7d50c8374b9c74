import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { API_KEY_SCOPES } from '../../domain/api-key/api-key-policy.js';

export class UpdateProfileRequest {
  @ApiPropertyOptional({ example: 'ada_l' })
  @IsOptional()
  @IsString()
  @MaxLength(31)
  handle?: string;

  @ApiPropertyOptional({ example: 'Ada L.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  bio?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://cdn.example.com/ada.png' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'avatarUrl must be an https URL' })
  @MaxLength(2_048)
  avatarUrl?: string | null;
}

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'CI uploader', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['profile:read'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes!: string[];

  @ApiPropertyOptional({ description: 'Days until the key expires (none: until revoked)', minimum: 1, maximum: 730 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(730)
  expiresInDays?: number;
}

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes!: string[];
  @ApiProperty({ description: 'The first characters of the key', example: 'sr_Ab3xZ9' }) prefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) expiresAt!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
}

export class CreatedApiKeyResponse {
  @ApiProperty({ description: 'The key itself, shown this once: store it now' }) key!: string;
  @ApiProperty({ type: ApiKeyResponse }) apiKey!: ApiKeyResponse;
}
