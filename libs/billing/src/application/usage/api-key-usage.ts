/** Calls per API key and period (the owner's quota is counted in `usage_counters`). */
export abstract class ApiKeyUsage {
  abstract add(input: { apiKeyId: string; userId: string; periodStart: Date }): Promise<void>;
  abstract callsOf(apiKeyId: string, periodStart: Date): Promise<number>;
  /** Each of the person's keys used in the period, with its calls. */
  abstract callsByKey(userId: string, periodStart: Date): Promise<{ apiKeyId: string; calls: number }[]>;
}
