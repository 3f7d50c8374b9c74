// The billing context's public contract: the only thing other contexts may import from it.
export { BillingApi, type EntitlementsView, type UsageView } from './billing.api.js';
export {
  EntitlementRequiredError,
  PlanUpgradeRequiredError,
  QuotaExceededError,
  type UpgradeOption,
} from './billing-errors.js';
export {
  ENTITLEMENTS,
  type EntitlementName,
  type Entitlements,
  type EntitlementValue,
  type QuotaLimit,
  type QuotaName,
} from './entitlements.js';
export { EntitlementGuard, RequiresEntitlement } from './requires-entitlement.js';
export { SubscriptionActivatedV1 } from './events/subscription-activated.v1.js';
export { SubscriptionChangedV1 } from './events/subscription-changed.v1.js';
export { SubscriptionCanceledV1 } from './events/subscription-canceled.v1.js';
export { PaymentSucceededV1 } from './events/payment-succeeded.v1.js';
export { PaymentFailedV1 } from './events/payment-failed.v1.js';
export { RefundIssuedV1 } from './events/refund-issued.v1.js';
export { EntitlementsChangedV1 } from './events/entitlements-changed.v1.js';
export { MRR_MOVEMENT_KINDS, MrrMovementRecordedV1, type MrrMovementKind } from './events/mrr-movement-recorded.v1.js';
export { AccountBillingHold, type AccountBillingHoldView } from './account-billing-hold.js';
export {
  REVENUE_STREAM_NAMES,
  RevenueStreams,
  type RevenueStreamName,
  type RevenueStreamsDay,
} from './revenue-streams.js';
export { UsageThresholdReachedV1 } from './events/usage-threshold-reached.v1.js';
export { GiftPaidV1 } from './events/gift-paid.v1.js';
export { RevenueRecordedV1 } from './events/revenue-recorded.v1.js';
export { ApiUsageMeter } from './api-usage-meter.js';
