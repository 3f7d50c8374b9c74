/** Billing meters and meter events (usage-based billing): what a `metered` price bills at each period's end. */
import type { Period } from './billing-math.js';
import { invalidRequest, missingParam } from './errors.js';
import {
  hashParam,
  optionalEnum,
  optionalInteger,
  optionalString,
  rejectUnknownParams,
  requiredString,
  type Params,
} from './params.js';
import type { EmulatorObject } from './store.js';
import type { Transaction } from './transaction.js';

export interface MeterObject extends EmulatorObject {
  object: 'billing.meter';
  created: number;
  customer_mapping: { event_payload_key: string; type: 'by_id' };
  default_aggregation: { formula: 'sum' | 'count' };
  display_name: string;
  event_name: string;
  event_time_window: null;
  livemode: false;
  status: 'active';
  updated: number;
  value_settings: { event_payload_key: string };
}

export interface MeterEventObject extends EmulatorObject {
  object: 'billing.meter_event';
  created: number;
  event_name: string;
  identifier: string;
  livemode: false;
  payload: Record<string, string>;
  timestamp: number;
}

/** POST /v1/billing/meters. Event names are unique among meters, as on Stripe. */
export async function createMeter(tx: Transaction, params: Params): Promise<MeterObject> {
  rejectUnknownParams(params, [
    'display_name',
    'event_name',
    'default_aggregation',
    'customer_mapping',
    'value_settings',
  ]);
  const eventName = requiredString(params, 'event_name');
  if ((await tx.list<MeterObject>('billing.meter')).some((meter) => meter.event_name === eventName))
    throw invalidRequest(`A meter with event_name ${eventName} already exists.`, { param: 'event_name' });
  const formula =
    optionalEnum(
      hashParam(params, 'default_aggregation'),
      'formula',
      ['sum', 'count'] as const,
      'default_aggregation[formula]',
    ) ?? undefined;
  if (!formula) throw missingParam('default_aggregation[formula]');
  const meter: MeterObject = {
    id: tx.id('mtr'),
    object: 'billing.meter',
    created: tx.now,
    customer_mapping: {
      event_payload_key:
        optionalString(
          hashParam(params, 'customer_mapping'),
          'event_payload_key',
          'customer_mapping[event_payload_key]',
        ) ?? 'stripe_customer_id',
      type: 'by_id',
    },
    default_aggregation: { formula },
    display_name: requiredString(params, 'display_name'),
    event_name: eventName,
    event_time_window: null,
    livemode: false,
    status: 'active',
    updated: tx.now,
    value_settings: {
      event_payload_key:
        optionalString(hashParam(params, 'value_settings'), 'event_payload_key', 'value_settings[event_payload_key]') ??
        'value',
    },
  };
  tx.put(meter);
  return meter;
}

/**
 * POST /v1/billing/meter_events. An event whose `identifier` was already used is not counted again
 * (the first one is answered back), so a retried report bills once.
 */
export async function createMeterEvent(tx: Transaction, params: Params): Promise<MeterEventObject> {
  rejectUnknownParams(params, ['event_name', 'payload', 'identifier', 'timestamp']);
  const eventName = requiredString(params, 'event_name');
  const meter = (await tx.list<MeterObject>('billing.meter')).find((candidate) => candidate.event_name === eventName);
  if (!meter) throw invalidRequest(`No active meter was found for event_name ${eventName}.`, { param: 'event_name' });
  const payload = hashParam(params, 'payload');
  const customer = optionalString(
    payload,
    meter.customer_mapping.event_payload_key,
    `payload[${meter.customer_mapping.event_payload_key}]`,
  );
  if (!customer) throw missingParam(`payload[${meter.customer_mapping.event_payload_key}]`);
  await tx.require(customer, 'customer', `payload[${meter.customer_mapping.event_payload_key}]`);
  const rawValue = optionalString(payload, meter.value_settings.event_payload_key) ?? '1';
  if (!/^\d{1,15}$/.test(rawValue))
    throw invalidRequest('The meter event value must be a whole, non-negative number.', {
      param: `payload[${meter.value_settings.event_payload_key}]`,
    });
  const identifier = optionalString(params, 'identifier') ?? tx.id('mevtid');
  const id = `mevt_${identifier}`;
  const existing = await tx.find<MeterEventObject>(id, 'billing.meter_event');
  if (existing) return existing;
  const event: MeterEventObject = {
    id,
    object: 'billing.meter_event',
    created: tx.now,
    event_name: eventName,
    identifier,
    livemode: false,
    payload: {
      [meter.customer_mapping.event_payload_key]: customer,
      [meter.value_settings.event_payload_key]: rawValue,
    },
    timestamp: optionalInteger(params, 'timestamp') ?? tx.now,
  };
  tx.put(event);
  return event;
}

/** What a meter aggregated for one customer over [start, end). */
export async function meteredQuantity(
  tx: Transaction,
  meterId: string,
  customer: string,
  period: Period,
): Promise<number> {
  const meter = await tx.require<MeterObject>(meterId, 'billing.meter');
  const events = (await tx.list<MeterEventObject>('billing.meter_event')).filter(
    (event) =>
      event.event_name === meter.event_name &&
      event.payload[meter.customer_mapping.event_payload_key] === customer &&
      event.timestamp >= period.start &&
      event.timestamp < period.end,
  );
  if (meter.default_aggregation.formula === 'count') return events.length;
  return events.reduce((sum, event) => sum + Number(event.payload[meter.value_settings.event_payload_key]), 0);
}
