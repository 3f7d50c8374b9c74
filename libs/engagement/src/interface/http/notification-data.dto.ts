import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { NotificationType } from '../../domain/notification/notification.js';

// What `data` carries for each notification type. The map at the end must name every type
// (a new type does not compile without its shape), and OpenAPI documents the response as a union
// discriminated by `type`, so generated clients get `data` typed per notification.

class EmptyNotificationData {}

class ConversationNotificationData {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ description: 'The message’s position in the conversation' }) seq!: number;
}

class MessageMentionNotificationData extends ConversationNotificationData {
  @ApiProperty({ format: 'uuid' }) messageId!: string;
}

class CommentNotificationData {
  @ApiProperty({ format: 'uuid' }) videoId!: string;
  @ApiProperty({ format: 'uuid' }) commentId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The thread’s first comment, for a reply' })
  threadId!: string | null;
}

class EpisodePublishedNotificationData {
  @ApiProperty({ format: 'uuid' }) videoId!: string;
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The tier needed to watch it (`free` for everyone)' }) accessLevel!: string;
}

class PaymentFailedNotificationData {
  @ApiProperty({ description: 'In the currency’s smallest unit' }) amountDue!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() attempt!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) accessUntil!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Where to pay the invoice' }) payUrl!: string | null;
}

class SubscriptionActivatedNotificationData {
  @ApiProperty() planId!: string;
  @ApiProperty() interval!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) trialEnd!: string | null;
  @ApiProperty({ format: 'date-time' }) currentPeriodEnd!: string;
}

class SubscriptionPlanChangedNotificationData {
  @ApiProperty() planId!: string;
  @ApiProperty() previousPlanId!: string;
}

class SubscriptionEndedNotificationData {
  @ApiProperty() planId!: string;
  @ApiProperty({ format: 'date-time' }) endedAt!: string;
}

class ExportReadyNotificationData {
  @ApiProperty({ format: 'uuid' }) exportId!: string;
  @ApiProperty({ nullable: true, type: String }) channelId!: string | null;
  @ApiProperty() report!: string;
  @ApiProperty({ enum: ['csv', 'pdf'] }) format!: string;
  @ApiProperty() downloadPath!: string;
}

class WelcomeNotificationData {
  @ApiProperty() displayName!: string;
}

class ModerationDecisionNotificationData {
  @ApiProperty({
    enum: ['subject', 'reporter', 'appellant'],
    description:
      '`subject`: a decision about your account or content; `reporter`: the outcome of your report; `appellant`: your appeal was decided',
  })
  role!: string;
  @ApiPropertyOptional({ description: 'subject, appellant: the action taken (hide, remove, timeout, …)' })
  action?: string;
  @ApiProperty() targetType!: string;
  @ApiProperty() targetId!: string;
  @ApiPropertyOptional({ description: 'subject: the policy rule' }) rule?: string | null;
  @ApiPropertyOptional({ description: 'subject, appellant: the moderator’s reason' }) reason?: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'subject: a timeout’s end' })
  mutedUntil?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'subject: where to appeal' })
  appealPath?: string | null;
  @ApiPropertyOptional({ enum: ['no-violation', 'actioned', 'upheld', 'denied'], description: 'reporter, appellant' })
  outcome?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'appellant' }) appealId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'appellant: the decision appealed' }) decisionId?: string;
}

class UsageThresholdNotificationData {
  @ApiProperty({ example: 'storage_bytes', description: 'The quota (billing entitlement) concerned' }) quota!: string;
  @ApiProperty({ enum: [80, 100], description: 'Percent of the limit reached' }) threshold!: number;
  @ApiProperty() used!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() planId!: string;
  @ApiProperty({ description: 'Whether usage past the limit is billed as overage (else refused)' }) overage!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) periodEnd!: string | null;
}

/** Each type's `data` shape: a class, or several (a union) where one type has several sources. */
export const NOTIFICATION_DATA: Record<NotificationType, Type | Type[]> = {
  'follower.new': EmptyNotificationData,
  'message.request': ConversationNotificationData,
  'message.new': ConversationNotificationData,
  mention: [MessageMentionNotificationData, CommentNotificationData],
  'comment.new': CommentNotificationData,
  'comment.reply': CommentNotificationData,
  'episode.published': EpisodePublishedNotificationData,
  'billing.payment-failed': PaymentFailedNotificationData,
  'subscription.activated': SubscriptionActivatedNotificationData,
  'subscription.plan-changed': SubscriptionPlanChangedNotificationData,
  'subscription.ended': SubscriptionEndedNotificationData,
  'export.ready': ExportReadyNotificationData,
  'account.welcome': WelcomeNotificationData,
  'moderation.decision': ModerationDecisionNotificationData,
  'billing.usage-threshold-reached': UsageThresholdNotificationData,
};

/** Every data class, for `@ApiExtraModels`. */
export const NOTIFICATION_DATA_MODELS: Type[] = [...new Set(Object.values(NOTIFICATION_DATA).flat())];
