import { noSuch } from './errors.js';
import { API_VERSION, type EventObject, type EventRequest } from './objects/index.js';
import type { EmulatorObject, EmulatorStore } from './store.js';

/** What one emulator operation needs to know about its surroundings. */
export interface TransactionContext {
  store: EmulatorStore;
  now: number;
  newId: (prefix: string) => string;
  request: EventRequest;
  urls: PageUrls;
}

export interface PageUrls {
  checkout: (sessionId: string) => string;
  portal: (sessionId: string) => string;
  invoice: (invoiceId: string) => string;
  invoicePdf: (invoiceId: string) => string;
  receipt: (chargeId: string) => string;
  /** The sandbox's Express onboarding page an account link opens. */
  connect: (linkId: string) => string;
}

/**
 * One emulator operation's unit of work. Reads see the operation's own writes; nothing reaches the store
 * until commit, so an operation that fails half-way (a declined payment with error_if_incomplete, a bad
 * parameter found late) leaves no trace — like a Stripe API call.
 */
export class Transaction {
  readonly now: number;
  readonly urls: PageUrls;
  private readonly writes = new Map<string, EmulatorObject>();
  private readonly emitted: EventObject[] = [];

  constructor(private readonly context: TransactionContext) {
    this.now = context.now;
    this.urls = context.urls;
  }

  id(prefix: string): string {
    return this.context.newId(prefix);
  }

  async find<T extends EmulatorObject>(id: string, objectType: string): Promise<T | undefined> {
    const written = this.writes.get(id);
    const found = written ? (structuredClone(written) as T) : await this.context.store.get<T>(id);
    return found?.object === objectType ? found : undefined;
  }

  /** The object, or Stripe's resource_missing error naming `kind` ("No such price: 'price_x'") for `param`. */
  async require<T extends EmulatorObject>(id: string, objectType: string, param = 'id'): Promise<T> {
    const found = await this.find<T>(id, objectType);
    if (!found) throw noSuch(objectType, id, param);
    return found;
  }

  /** Stored objects of a type (insertion order), with this transaction's writes applied. */
  async list<T extends EmulatorObject>(objectType: string): Promise<T[]> {
    const stored = await this.context.store.list<T>(objectType);
    const seen = new Set<string>();
    const merged = stored.map((object) => {
      seen.add(object.id);
      const written = this.writes.get(object.id);
      return written ? (structuredClone(written) as T) : object;
    });
    for (const written of this.writes.values()) {
      if (written.object === objectType && !seen.has(written.id)) merged.push(structuredClone(written) as T);
    }
    return merged;
  }

  put<T extends EmulatorObject>(object: T): T {
    this.writes.set(object.id, structuredClone(object));
    return object;
  }

  /** Records an event whose data.object is a snapshot of `object` as it is now. */
  emit(type: string, object: EmulatorObject, previousAttributes?: Record<string, unknown>): EventObject {
    const event: EventObject = {
      id: this.id('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: this.now,
      data: {
        object: structuredClone(object),
        ...(previousAttributes && Object.keys(previousAttributes).length > 0
          ? { previous_attributes: structuredClone(previousAttributes) }
          : {}),
      },
      livemode: false,
      pending_webhooks: 1,
      request: { ...this.context.request },
      type,
    };
    this.emitted.push(event);
    return event;
  }

  get events(): EventObject[] {
    return [...this.emitted];
  }

  /** Writes every changed object, then the events (so a stored event never points at an unstored object). */
  async commit(): Promise<void> {
    const objects = [...this.writes.values(), ...this.emitted];
    if (objects.length === 0) return;
    const { store } = this.context;
    if (store.putMany) await store.putMany(objects);
    else for (const object of objects) await store.put(object);
  }
}

/** The fields of `before` that differ in `after`, with their old values — an event's previous_attributes. */
export function changedAttributes(before: EmulatorObject, after: EmulatorObject): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === 'id' || key === 'object') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key] ?? null;
  }
  return previous;
}

/** Stores `after` and, when anything changed since `before`, emits each of `types` with previous_attributes. */
export function saveWithEvents<T extends EmulatorObject>(tx: Transaction, before: T, after: T, ...types: string[]): T {
  const previous = changedAttributes(before, after);
  tx.put(after);
  if (Object.keys(previous).length > 0) for (const type of types) tx.emit(type, after, previous);
  return after;
}
