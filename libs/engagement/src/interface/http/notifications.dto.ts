import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateBy } from 'class-validator';
import { CursorPageQuery } from '@lib/platform';
import { NOTIFICATION_TYPE_NAMES } from '../../domain/notification/notification.js';

export class NotificationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPE_NAMES }) type!: string;
  @ApiProperty({ description: 'How many occurrences this (grouped) notification stands for' }) count!: number;
  @ApiProperty({ type: [String], description: 'The latest people behind it (up to 5)' }) actorIds!: string[];
  @ApiProperty({ nullable: true, type: String }) subjectId!: string | null;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
  @ApiProperty() read!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
  @ApiProperty() unread!: number;
  @ApiPropertyOptional() nextCursor?: string;
}

export class NotificationListQuery extends CursorPageQuery {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  unread?: boolean;
}

export class MarkedResponse {
  @ApiProperty() marked!: number;
  @ApiProperty() unread!: number;
}

const PREFERENCE_EXAMPLE = { 'follower.new': { inApp: true, email: false } };

export class PreferencesRequest {
  @ApiProperty({
    description: `Per type (${NOTIFICATION_TYPE_NAMES.join(', ')}): \`inApp\` and/or \`email\``,
    example: PREFERENCE_EXAMPLE,
  })
  @IsObject()
  @ValidateBy({
    name: 'isPreferenceMap',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        Object.entries(value).every(
          ([type, choice]) =>
            (NOTIFICATION_TYPE_NAMES as string[]).includes(type) &&
            typeof choice === 'object' &&
            choice !== null &&
            Object.entries(choice as Record<string, unknown>).every(
              ([key, flag]) => ['inApp', 'email'].includes(key) && typeof flag === 'boolean',
            ),
        ),
      defaultMessage: () =>
        `preferences must map notification types (${NOTIFICATION_TYPE_NAMES.join(', ')}) to { inApp?: boolean, email?: boolean }`,
    },
  })
  preferences!: Record<string, { inApp?: boolean; email?: boolean }>;
}
