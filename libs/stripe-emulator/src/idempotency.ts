import { createHash } from 'node:crypto';
import type { EmulatorObject, EmulatorStore } from './store.js';

/** A remembered response to a request sent with an Idempotency-Key (kept in the emulator's store). */
export interface IdempotencyRecord extends EmulatorObject {
  object: 'emulator.idempotency_record';
  fingerprint: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  created: number;
}

// Stripe forgets idempotency keys after 24 hours.
const RETENTION = 24 * 3_600;

/** Idempotency keys are scoped to the API key, like Stripe's. */
export class IdempotencyKeys {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly store: EmulatorStore,
    private readonly now: () => number,
  ) {}

  recordId(apiKey: string, idempotencyKey: string): string {
    return `emulator_idempotency_${createHash('sha256').update(`${apiKey}\n${idempotencyKey}`).digest('hex').slice(0, 40)}`;
  }

  async find(recordId: string): Promise<IdempotencyRecord | undefined> {
    const record = await this.store.get<IdempotencyRecord>(recordId);
    if (!record || record.object !== 'emulator.idempotency_record' || record.created + RETENTION < this.now())
      return undefined;
    return record;
  }

  async remember(
    recordId: string,
    fingerprint: string,
    response: { status: number; body: unknown; headers: Record<string, string> },
  ): Promise<void> {
    const record: IdempotencyRecord = {
      id: recordId,
      object: 'emulator.idempotency_record',
      fingerprint,
      ...response,
      created: this.now(),
    };
    await this.store.put(record);
  }

  /** Marks the key as being executed; false when another request with it is still running. */
  begin(recordId: string): boolean {
    if (this.inFlight.has(recordId)) return false;
    this.inFlight.add(recordId);
    return true;
  }

  end(recordId: string): void {
    this.inFlight.delete(recordId);
  }
}

/** What makes two requests "the same" for idempotency: method, path and parameters (key order ignored). */
export function fingerprintOf(method: string, path: string, params: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path} ${canonicalJson(params)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
