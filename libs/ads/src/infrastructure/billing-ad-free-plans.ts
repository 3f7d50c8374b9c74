import { Injectable } from '@nestjs/common';
import { BillingApi } from '@lib/billing/contracts';
import { AdFreePlans } from '../application/ads-ports.js';

const TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

/** `ad_free` from billing's entitlements port, kept ten seconds per node (an upgrade applies within that). */
@Injectable()
export class BillingAdFreePlans extends AdFreePlans {
  private readonly cache = new Map<string, { at: number; adFree: boolean }>();

  constructor(private readonly billing: BillingApi) {
    super();
  }

  async isAdFree(userId: string): Promise<boolean> {
    const hit = this.cache.get(userId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.adFree;
    const adFree = await this.billing.isEntitled(userId, 'ad_free', true);
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(userId, { at: Date.now(), adFree });
    return adFree;
  }
}
