import { Injectable } from '@nestjs/common';
import { ApiUsageMeter } from '../../contracts/api-usage-meter.js';
import { BillingApi } from '../../contracts/billing.api.js';
import { ApiKeyUsage } from './api-key-usage.js';

/**
 * One keyless consumption of `api_calls_per_month` per request, then the key's own count (docs/adr/0057):
 * the same atomic counter as every quota, so the limit holds exactly and overage is billed per unit.
 */
@Injectable()
export class CountingApiUsageMeter extends ApiUsageMeter {
  constructor(
    private readonly billing: BillingApi,
    private readonly keys: ApiKeyUsage,
  ) {
    super();
  }

  async record(call: { userId: string; apiKeyId: string }): Promise<void> {
    const usage = await this.billing.consume(call.userId, 'api_calls_per_month');
    await this.keys.add({ apiKeyId: call.apiKeyId, userId: call.userId, periodStart: new Date(usage.periodStart!) });
  }

  async callsOf(userId: string, apiKeyId: string): Promise<number> {
    const usage = await this.billing.usageOf(userId, 'api_calls_per_month');
    return this.keys.callsOf(apiKeyId, new Date(usage.periodStart!));
  }
}
