import { Command } from '@nestjs/cqrs';

export interface PlanSyncResult {
  planId: string;
  productId: string;
  createdPrices: string[];
  deactivatedPrices: string[];
}

/** Mirrors every plan to the payment provider (products and prices); safe to run again. */
export class SyncPlansCommand extends Command<PlanSyncResult[]> {
  constructor(readonly onProgress?: (done: number, total: number, planId: string) => void) {
    super();
  }
}
