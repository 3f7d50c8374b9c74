/** An emulator of the Stripe API subset billing uses: for tests (in memory) and for billing's local sandbox (its PostgreSQL store). Imports no context. */
export { MemoryEmulatorStore, type EmulatorObject, type EmulatorStore } from './store.js';
export {
  StripeEmulator,
  randomStripeId,
  type EventsListener,
  type Mutation,
  type RequestInfo,
  type StripeEmulatorOptions,
} from './emulator.js';
export type { CheckoutOutcome } from './checkout.js';
export type { PaymentOutcome } from './invoicing.js';
export {
  createStripeRouter,
  type RecordedRequest,
  type RouterRequest,
  type RouterResponse,
  type StripeRouter,
  type StripeRouterOptions,
} from './http-router.js';
export { serveStripeEmulator, type ServeOptions, type StripeEmulatorServer } from './http-server.js';
export { signWebhookPayload } from './webhook-signing.js';
export { StripeApiError } from './errors.js';
export { decodeForm, coerceParams, type ParamObject, type ParamValue } from './form-encoding.js';
export { API_VERSION } from './objects/index.js';
export type {
  AccountLinkDetails,
  AccountObject,
  AccountLinkObject,
  ApplicationFeeObject,
  PayoutObject,
  TransferObject,
  TransferReversalObject,
  ChargeObject,
  CheckoutSessionObject,
  CustomerObject,
  DisputeObject,
  DisputeOutcome,
  EventObject,
  InvoiceObject,
  InvoicePaymentObject,
  ListObject,
  PaymentIntentObject,
  PortalSessionObject,
  PriceObject,
  ProductObject,
  RefundObject,
  SubscriptionObject,
  SubscriptionStatus,
} from './objects/index.js';
export type { MeterObject, MeterEventObject } from './meters.js';
