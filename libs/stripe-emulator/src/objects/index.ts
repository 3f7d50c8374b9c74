/**
 * The Stripe objects the emulator keeps, one file per resource, shaped like API version 2026-10-28.endive
 * (see node_modules/stripe/cjs/resources). The interfaces name the fields the emulator reads or writes; the
 * builders also fill the other fields the SDK types declare, with the values an account without those
 * features has (null, [], false).
 */
export * from './common.js';
export * from './customer.js';
export * from './product.js';
export * from './price.js';
export * from './checkout-session.js';
export * from './portal-session.js';
export * from './subscription.js';
export * from './invoice.js';
export * from './payment-intent.js';
export * from './charge.js';
export * from './invoice-payment.js';
export * from './refund.js';
export * from './dispute.js';
export * from './event.js';
export * from './coupon.js';
export * from './connect.js';
