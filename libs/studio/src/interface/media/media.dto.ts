import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, Matches } from 'class-validator';

export class UploadCheckRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  channelId!: string;

  @ApiProperty({ type: [String], description: 'SHA-256 of each file, hex (64 characters)', maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(/^[0-9a-fA-F]{64}$/, { each: true, message: 'each checksum must be a SHA-256 in hex (64 characters)' })
  checksums!: string[];
}

export class UploadCheckItem {
  @ApiProperty() checksum!: string;
  @ApiProperty({ enum: ['new', 'duplicate'] }) status!: 'new' | 'duplicate';
  @ApiPropertyOptional({ type: String, nullable: true }) uploadId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) assetId!: string | null;
}

export class UploadCheckResponse {
  @ApiProperty({ type: [UploadCheckItem] }) results!: UploadCheckItem[];
}

class UploadErrorView {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class UploadResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ enum: ['uploading', 'accepted', 'rejected', 'removed'] }) state!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'SHA-256 (hex) once accepted' }) checksum!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) assetId!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) durationSeconds!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) width!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) height!: number | null;
  @ApiPropertyOptional({ type: UploadErrorView, nullable: true }) error!: UploadErrorView | null;
  @ApiProperty() createdAt!: string;
}
