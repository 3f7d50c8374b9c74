export { classifyMovement, monthlyRecurringAmount, type MovementKind, type MrrMovement } from './mrr-movement.js';
export {
  computeRevenueMetrics,
  emptyCurrencyRevenue,
  type CurrencyRevenue,
  type RevenueBucket,
  type RevenueReport,
  type RevenueSummary,
} from './revenue-metrics.js';
export { bucketStartOf, MAX_REVENUE_BUCKETS, type RevenueInterval, type RevenueQuery } from './revenue-range.js';
export { InvalidRevenueRangeError } from './revenue.errors.js';
export {
  noStreams,
  withRevenueStreams,
  type RevenueReportWithStreams,
  type StreamAmount,
  type StreamAmounts,
} from './revenue-streams.js';
