/** Invoice lines for subscription items, worded the way Stripe words them. */
import { describeInterval, formatAmount, formatDay, prorate, type Period } from './billing-math.js';
import type { LineDraft, ProductObject, RecurringPrice } from './objects/index.js';
import type { Transaction } from './transaction.js';

/** A subscription item as far as billing is concerned. */
export interface BilledItem {
  id: string;
  price: RecurringPrice;
  quantity: number;
}

/** A metered price bills its meter's usage in arrears: nothing in advance, nothing prorated. */
function billedAmount(item: BilledItem): number {
  return item.price.recurring.usage_type === 'metered' ? 0 : item.price.unit_amount * item.quantity;
}

async function productName(tx: Transaction, price: RecurringPrice): Promise<string> {
  const product = await tx.find<ProductObject>(price.product, 'product');
  return product?.name ?? price.product;
}

function quantityPrefix(quantity: number): string {
  return quantity === 1 ? '' : `${quantity} × `;
}

/** "1 × Gold (at $10.00 / month)" for a whole period. */
export async function periodLine(tx: Transaction, item: BilledItem, period: Period): Promise<LineDraft> {
  const name = await productName(tx, item.price);
  const unit = `${formatAmount(item.price.unit_amount, item.price.currency)} / ${describeInterval(item.price.recurring)}`;
  return {
    amount: billedAmount(item),
    description: `${item.quantity} × ${name} (at ${unit})`,
    period,
    price: item.price,
    quantity: item.quantity,
    subscriptionItem: item.id,
    proration: false,
  };
}

/** The free line of a trial invoice. */
export async function trialLine(tx: Transaction, item: BilledItem, period: Period): Promise<LineDraft> {
  const name = await productName(tx, item.price);
  return {
    amount: 0,
    description: `Trial period for ${name}`,
    period,
    price: item.price,
    quantity: item.quantity,
    subscriptionItem: item.id,
    proration: false,
  };
}

/** Credit for the part of `period` after `from` that was paid at the item's old price: -round(amount × remaining / length). */
export async function unusedTimeLine(
  tx: Transaction,
  item: BilledItem,
  period: Period,
  from: number,
): Promise<LineDraft> {
  const name = await productName(tx, item.price);
  return {
    amount: -prorate(billedAmount(item), period, from),
    description: `Unused time on ${quantityPrefix(item.quantity)}${name} after ${formatDay(from)}`,
    period: { start: from, end: period.end },
    price: item.price,
    quantity: item.quantity,
    subscriptionItem: item.id,
    proration: true,
  };
}

/** Charge for the rest of `period` after `from` at the item's new price: +round(amount × remaining / length). */
export async function remainingTimeLine(
  tx: Transaction,
  item: BilledItem,
  period: Period,
  from: number,
): Promise<LineDraft> {
  const name = await productName(tx, item.price);
  return {
    amount: prorate(billedAmount(item), period, from),
    description: `Remaining time on ${quantityPrefix(item.quantity)}${name} after ${formatDay(from)}`,
    period: { start: from, end: period.end },
    price: item.price,
    quantity: item.quantity,
    subscriptionItem: item.id,
    proration: true,
  };
}

/** A metered item's usage over the period that ended: "42 × Overage (at $0.25 / unit)", billed in arrears. */
export async function usageLine(
  tx: Transaction,
  item: BilledItem,
  period: Period,
  quantity: number,
): Promise<LineDraft> {
  const name = await productName(tx, item.price);
  return {
    amount: item.price.unit_amount * quantity,
    description: `${quantity} × ${name} (at ${formatAmount(item.price.unit_amount, item.price.currency)} / unit)`,
    period,
    price: item.price,
    quantity,
    subscriptionItem: item.id,
    proration: false,
  };
}
