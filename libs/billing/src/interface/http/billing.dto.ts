import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { CursorPageQuery } from '@lib/platform';
import {
  CANCELLATION_FEEDBACK,
  type CancellationFeedback,
} from '../../application/commands/manage-subscription/manage-subscription.command.js';
import { REFUND_REASONS, type RefundReason } from '../../domain/payment/refund.js';

const INTERVALS = ['month', 'year'] as const;

/** At most 10 string values with short keys: attribution rides in the provider's metadata (limits apply there). */
const IsAttribution = () =>
  ValidateBy({
    name: 'isAttribution',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= 10 &&
        Object.entries(value).every(
          ([key, entry]) =>
            /^[A-Za-z][A-Za-z0-9_]{0,34}$/.test(key) && typeof entry === 'string' && entry.length <= 200,
        ),
      defaultMessage: () =>
        'attribution must map at most 10 keys (letters, digits, _; up to 35 characters) to strings of up to 200 characters',
    },
  });

export class PriceResponse {
  @ApiProperty({ enum: INTERVALS }) interval!: string;
  @ApiProperty({ description: 'Integer minor units (cents)', example: 499 }) amount!: number;
  @ApiProperty({ example: 'usd' }) currency!: string;
}

export class PlanResponse {
  @ApiProperty({ example: 'prime' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) benefits!: string[];
  @ApiProperty({ type: [PriceResponse] }) prices!: PriceResponse[];
  @ApiProperty({
    description: 'Typed entitlements: flags (boolean), quotas (integer or "unlimited"), levels (string)',
    example: { ad_free: true, episodes_per_month: 10, analytics: 'basic' },
  })
  entitlements!: Record<string, boolean | number | string>;
  @ApiProperty() trialDays!: number;
  @ApiProperty() archived!: boolean;
}

export class CheckoutRequest {
  @ApiProperty({ example: 'prime' }) @IsString() @MaxLength(40) planId!: string;
  @ApiProperty({ enum: INTERVALS }) @IsIn(INTERVALS) interval!: 'month' | 'year';
  @ApiPropertyOptional({
    description: 'What led to the purchase, e.g. `{ "contentId": "…", "campaign": "…" }`; kept with the subscription',
    example: { contentId: '0193…' },
  })
  @IsOptional()
  @IsObject()
  @IsAttribution()
  attribution?: Record<string, string>;

  @ApiPropertyOptional({
    description:
      'Where to send the customer after paying (web page or app deep link); `{CHECKOUT_SESSION_ID}` is replaced by the session id. ' +
      'Must be on APP_URL or one of APP_RETURN_ORIGINS (else 400 `billing.return-url.not-allowed`); default `<APP_URL>/billing/success?session_id=…`. ' +
      'Whatever the page does, a finished checkout also arrives as a `subscription.activated` notification (socket event `notification:new`).',
    example: 'https://app.example.com/billing/done?session={CHECKOUT_SESSION_ID}',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  successUrl?: string;

  @ApiPropertyOptional({
    description:
      'Where to send the customer who leaves without paying; same rules as successUrl; default `<APP_URL>/billing/canceled`',
    example: 'myapp://billing/canceled',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cancelUrl?: string;

  @ApiPropertyOptional({
    description:
      'A shared offer code (`GET /v1/offers/:code`): its discount is applied to the subscription’s invoices by the provider, ' +
      'or its longer trial replaces the plan’s. Unknown 404 `billing.offer.not-found`; 422 `billing.offer.expired`, ' +
      '`billing.offer.exhausted`, `billing.offer.archived`, `billing.offer.plan-not-eligible`, `billing.offer.trial-already-used`.',
    example: 'SPRING25',
    maxLength: 40,
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  offerCode?: string;
}

export class CheckoutResponse {
  @ApiProperty({ description: 'Send the user here to pay' }) checkoutUrl!: string;
  @ApiProperty() sessionId!: string;
}

export class UrlResponse {
  @ApiProperty() url!: string;
}

export class SubscriptionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ enum: INTERVALS }) interval!: string;
  @ApiProperty({
    enum: ['incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'unpaid', 'canceled', 'paused'],
  })
  status!: string;
  @ApiProperty() amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() currentPeriodStart!: string;
  @ApiProperty() currentPeriodEnd!: string;
  @ApiProperty() cancelAtPeriodEnd!: boolean;
  @ApiProperty({ nullable: true, type: String }) canceledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) trialEnd!: string | null;
  @ApiProperty({ nullable: true, type: Object }) cancellation!: {
    feedback: string | null;
    comment: string | null;
  } | null;
  @ApiProperty({
    nullable: true,
    type: Object,
    description: 'After a downgrade, the previous plan stays in force until `until`',
  })
  pendingDowngrade!: { keepsPlanId: string; until: string } | null;
  @ApiProperty({ nullable: true, type: String }) pastDueSince!: string | null;
}

export class UsageResponse {
  @ApiProperty({ example: 'episodes_per_month' }) entitlement!: string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['unlimited'] }] }) limit!: number | 'unlimited';
  @ApiProperty() used!: number;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['unlimited'] }] }) remaining!:
    number | 'unlimited';
  @ApiProperty({ nullable: true, type: String }) periodStart!: string | null;
  @ApiProperty({ nullable: true, type: String }) periodEnd!: string | null;
}

export class OverageResponse {
  @ApiProperty({ example: 'uploads_per_month' }) entitlement!: string;
  @ApiProperty({ description: 'Billable units above the limit so far this period (rounded up)' }) units!: number;
  @ApiProperty({ description: 'Usage per billable unit (e.g. 1,000 API calls)' }) unitSize!: number;
  @ApiProperty({ description: 'Price per unit, in minor units' }) unitAmount!: number;
  @ApiProperty({ description: 'units × unitAmount: what the period’s invoice adds, in minor units' }) amount!: number;
  @ApiProperty() currency!: string;
}

export class ApiKeyCallsResponse {
  @ApiProperty({ format: 'uuid' }) apiKeyId!: string;
  @ApiProperty({ description: 'Calls made with this key in the current period' }) calls!: number;
}

export class BillingOverviewResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() planId!: string;
  @ApiProperty() planName!: string;
  @ApiProperty({ type: Object }) entitlements!: Record<string, boolean | number | string>;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When a time-limited plan (grace period, downgrade hold) lapses',
  })
  validUntil!: string | null;
  @ApiProperty({ nullable: true, type: String }) thenPlanId!: string | null;
  @ApiProperty({ type: SubscriptionResponse, nullable: true }) subscription!: SubscriptionResponse | null;
  @ApiProperty({ type: [UsageResponse] }) usage!: UsageResponse[];
  @ApiProperty({
    type: [OverageResponse],
    description:
      'For quotas the plan bills past the limit: the overage so far this period (previewed, billed at period end)',
  })
  overage!: OverageResponse[];
  @ApiProperty({ type: [ApiKeyCallsResponse], description: 'API calls per key in the current period' })
  apiKeys!: ApiKeyCallsResponse[];
}

export class ChangeSubscriptionRequest {
  @ApiProperty({ example: 'creator-plus' }) @IsString() @MaxLength(40) planId!: string;
  @ApiProperty({ enum: INTERVALS }) @IsIn(INTERVALS) interval!: 'month' | 'year';
  @ApiPropertyOptional({ default: false, description: 'Quote the change without making it' })
  @IsOptional()
  @IsBoolean()
  preview?: boolean;
}

export class ChangeLineResponse {
  @ApiProperty() description!: string;
  @ApiProperty() amount!: number;
  @ApiProperty() proration!: boolean;
}

export class QuotaWarningResponse {
  @ApiProperty() entitlement!: string;
  @ApiProperty() used!: number;
  @ApiProperty() newLimit!: number;
}

export class ChangeSubscriptionResponse {
  @ApiProperty() preview!: boolean;
  @ApiProperty({ enum: ['upgrade', 'downgrade'] }) kind!: string;
  @ApiProperty({ description: 'Charged now (prorated) for an upgrade; 0 for a downgrade' }) amountDueNow!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: [ChangeLineResponse] }) lines!: ChangeLineResponse[];
  @ApiProperty({ description: 'When the new plan applies: now (upgrade) or the period end (downgrade)' })
  effectiveAt!: string;
  @ApiProperty({ type: [QuotaWarningResponse], description: 'Quotas already above the new plan’s limit' })
  warnings!: QuotaWarningResponse[];
  @ApiProperty({ type: SubscriptionResponse, nullable: true }) subscription!: SubscriptionResponse | null;
}

export class CancelSubscriptionRequest {
  @ApiPropertyOptional({ default: true, description: 'Keep access until the period end (default) or end now' })
  @IsOptional()
  @IsBoolean()
  atPeriodEnd?: boolean;
  @ApiPropertyOptional({ enum: CANCELLATION_FEEDBACK, description: 'Why, for churn analysis' })
  @IsOptional()
  @IsIn(CANCELLATION_FEEDBACK)
  reason?: CancellationFeedback;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) comment?: string;
}

export class RefundResponse {
  @ApiProperty() id!: string;
  @ApiProperty() paymentId!: string;
  @ApiProperty() amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: Object }) creditNote!: {
    number: string;
    amount: number;
    issuedAt: string;
  } | null;
  @ApiProperty() createdAt!: string;
}

export class PaymentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() invoiceId!: string;
  @ApiProperty() amount!: number;
  @ApiProperty() refundedAmount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ['succeeded', 'partially_refunded', 'refunded'] }) status!: string;
  @ApiProperty() disputed!: boolean;
  @ApiProperty() paidAt!: string;
  @ApiProperty({ type: [RefundResponse] }) refunds!: RefundResponse[];
}

export class PaymentPageResponse {
  @ApiProperty({ type: [PaymentResponse] }) items!: PaymentResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}

export class CreditNoteResponse {
  @ApiProperty() number!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() issuedAt!: string;
}

export class InvoiceResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty({ enum: ['draft', 'open', 'paid', 'void', 'uncollectible'] }) status!: string;
  @ApiProperty() amountDue!: number;
  @ApiProperty() amountPaid!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ nullable: true, type: String }) billingReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) periodStart!: string | null;
  @ApiProperty({ nullable: true, type: String }) periodEnd!: string | null;
  @ApiProperty({ nullable: true, type: String }) hostedUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) pdfUrl!: string | null;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ nullable: true, type: String }) paidAt!: string | null;
  @ApiProperty({ type: [CreditNoteResponse] }) creditNotes!: CreditNoteResponse[];
}

export class InvoicePageResponse {
  @ApiProperty({ type: [InvoiceResponse] }) items!: InvoiceResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}

export class RefundRequest {
  @ApiProperty() @IsUUID() paymentId!: string;
  @ApiPropertyOptional({ description: 'Minor units; default: everything still refundable' })
  @IsOptional()
  @IsInt()
  @Min(1)
  amount?: number;
  @ApiProperty({ enum: REFUND_REASONS }) @IsIn(REFUND_REASONS) reason!: RefundReason;
  @ApiPropertyOptional({ maxLength: 500, description: 'Required with `force`' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
  @ApiPropertyOptional({ default: false, description: 'Refund a payment older than the refund policy window' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class WebhookEventResponse {
  @ApiProperty() id!: string;
  @ApiProperty() provider!: string;
  @ApiProperty() providerEventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ enum: ['received', 'processing', 'processed', 'ignored', 'failed', 'unresolved'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String }) providerCustomerId!: string | null;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ nullable: true, type: String }) processedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt!: string | null;
}

export class WebhookPageResponse {
  @ApiProperty({ type: [WebhookEventResponse] }) items!: WebhookEventResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}

export class WebhookListQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: ['received', 'processed', 'ignored', 'failed', 'unresolved'] })
  @IsOptional()
  @IsIn(['received', 'processing', 'processed', 'ignored', 'failed', 'unresolved'])
  status?: 'received' | 'processing' | 'processed' | 'ignored' | 'failed' | 'unresolved';

  @ApiPropertyOptional({ example: 'invoice.paid' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_.]{1,100}$/)
  type?: string;
}

export class RevenueMetricsQuery {
  @ApiProperty({ example: '2026-01-01T00:00:00Z' }) @Type(() => Date) @IsDate() from!: Date;
  @ApiProperty({ example: '2026-07-01T00:00:00Z', description: 'Exclusive' }) @Type(() => Date) @IsDate() to!: Date;
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'month' })
  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  interval: 'day' | 'week' | 'month' = 'month';
}
