/**
 * Counts requests made with API keys against the key owner's `api_calls_per_month` quota and per key.
 * Identity calls it where an API key authenticates. Throws `QuotaExceededError` (402,
 * `billing.quota.exceeded`) when the owner's plan has no calls left and no overage.
 */
export abstract class ApiUsageMeter {
  abstract record(call: { userId: string; apiKeyId: string }): Promise<void>;
  /** Calls made with one key in the owner's current period. */
  abstract callsOf(userId: string, apiKeyId: string): Promise<number>;
}
