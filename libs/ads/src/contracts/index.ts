// Ads' public surface for other contexts: the ingestion port and integration events.
export { AdPerformance, type AdPerformanceReport, type AdPerformanceRow } from './ad-performance.js';
export { AdEventLedger, type AdEventClaim, type AdEventVerdict } from './ad-event-ledger.js';
export { AdRevenueSharedV1 } from './events/ad-revenue-shared.v1.js';
