import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateBy } from 'class-validator';
import { CursorPageQuery } from '@lib/platform';
import { NOTIFICATION_TYPE_NAMES, type NotificationType } from '../../domain/notification/notification.js';
import { NOTIFICATION_DATA } from './notification-data.dto.js';

export class NotificationActorResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String }) handle!: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({ nullable: true, type: String }) avatarUrl!: string | null;
}

export class NotificationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPE_NAMES }) type!: string;
  @ApiProperty({ description: 'How many occurrences this (grouped) notification stands for' }) count!: number;
  @ApiProperty({ type: [String], description: 'The latest people behind it (up to 5)' }) actorIds!: string[];
  @ApiProperty({
    type: [NotificationActorResponse],
    description: 'The same people with what a client shows of them (handle, name, avatar), in the same order',
  })
  actors!: NotificationActorResponse[];
  @ApiProperty({ nullable: true, type: String }) subjectId!: string | null;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
  @ApiProperty() read!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** One notification type's response: `type` fixed, `data` in that type's shape. */
function notificationVariant(type: NotificationType): Type {
  const name = `${type
    .split(/[.-]/)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')}Notification`;
  const variant = { [name]: class extends NotificationResponse {} }[name];
  ApiProperty({ enum: [type] })(variant.prototype, 'type');
  const shapes = ([] as Type[]).concat(NOTIFICATION_DATA[type]);
  ApiProperty(
    shapes.length === 1 ? { type: shapes[0] } : { oneOf: shapes.map((shape) => ({ $ref: getSchemaPath(shape) })) },
  )(variant.prototype, 'data');
  return variant;
}

/** A response class per notification type (for `@ApiExtraModels`). */
export const NOTIFICATION_VARIANTS: Type[] = NOTIFICATION_TYPE_NAMES.map(notificationVariant);

/** A notification as OpenAPI and AsyncAPI describe it: a union discriminated by `type`. */
export const NOTIFICATION_SCHEMA = {
  oneOf: NOTIFICATION_VARIANTS.map((variant) => ({ $ref: getSchemaPath(variant) })),
  discriminator: {
    propertyName: 'type',
    mapping: Object.fromEntries(
      NOTIFICATION_TYPE_NAMES.map((type, index) => [type, getSchemaPath(NOTIFICATION_VARIANTS[index])]),
    ),
  },
};

export class NotificationPageResponse {
  @ApiProperty({ type: 'array', items: NOTIFICATION_SCHEMA }) items!: NotificationResponse[];
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
