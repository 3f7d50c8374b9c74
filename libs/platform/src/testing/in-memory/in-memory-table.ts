import { AggregateRoot } from '../../ddd/aggregate-root.js';
import type { DomainEvent } from '../../ddd/domain-event.js';

/** What a committed row looked like: its fields (to roll back to) and their serialized form (to see changes). */
interface Committed {
  fields: Record<string, unknown>;
  serialized: string;
}

/** Raised where the real adapter's unique index would refuse the row. */
export class InMemoryUniqueViolation extends Error {
  constructor(table: string, key: string, value: unknown) {
    super(`${table}: a row with ${key} = ${String(value)} already exists`);
  }
}

/**
 * One table of an in-memory store, with the persistence rules the real adapters enforce: unique keys,
 * `version` bumped once per committed change, domain events released only by a commit that changed the
 * aggregate, and a failed transaction rolled back to the last committed state.
 */
export class InMemoryTable<Row extends object> {
  private readonly rows = new Map<Row, Committed | null>();
  /** Rows deleted in the open transaction: gone from reads now, from the table at commit. */
  private readonly deleted = new Set<Row>();

  constructor(
    readonly name: string,
    private readonly uniqueKeys: Record<string, (row: Row) => unknown> = {},
  ) {}

  insert(row: Row): void {
    if (this.rows.has(row)) return;
    this.assertUnique(row);
    this.rows.set(row, null);
  }

  delete(row: Row): void {
    if (this.rows.has(row)) this.deleted.add(row);
  }

  all(): Row[] {
    return [...this.rows.keys()].filter((row) => !this.deleted.has(row));
  }

  find(matches: (row: Row) => boolean): Row | null {
    return this.all().find(matches) ?? null;
  }

  filter(matches: (row: Row) => boolean): Row[] {
    return this.all().filter(matches);
  }

  /** Saves every change since the last commit; returns the domain events the saved aggregates recorded. */
  commit(): DomainEvent[] {
    // Unique keys set after the insert (a refund's provider id) are checked at commit, like a flush.
    for (const row of this.all()) this.assertUnique(row);
    const released: DomainEvent[] = [];
    for (const row of this.deleted) {
      // A deleted aggregate's last events (its deletion) still leave with the commit.
      if (row instanceof AggregateRoot) released.push(...row.pullDomainEvents());
      this.rows.delete(row);
    }
    this.deleted.clear();
    for (const [row, committed] of this.rows) {
      const serialized = serialize(row);
      const changed = committed?.serialized !== serialized;
      if (row instanceof AggregateRoot) {
        const events = row.pullDomainEvents();
        // The platform's flush refuses this too: an event must come with a persisted change.
        if (events.length && !changed)
          throw new Error(
            `${this.name}: ${row.id} recorded ${events.map((e) => e.constructor.name).join(', ')} without changing a persisted field`,
          );
        released.push(...events);
        if (changed) (row as { version?: number }).version = (row.version ?? 0) + 1;
      }
      if (changed) this.rows.set(row, { fields: snapshotOf(row), serialized: serialize(row) });
    }
    return released;
  }

  private assertUnique(row: Row): void {
    for (const [key, valueOf] of Object.entries(this.uniqueKeys)) {
      const value = valueOf(row);
      if (value === null || value === undefined) continue;
      if (this.all().some((other) => other !== row && valueOf(other) === value))
        throw new InMemoryUniqueViolation(this.name, key, value);
    }
  }

  /** Forgets rows added and undoes changes made since the last commit. */
  rollback(): void {
    this.deleted.clear();
    for (const [row, committed] of this.rows) {
      if (!committed) {
        this.rows.delete(row);
        continue;
      }
      if (row instanceof AggregateRoot) row.pullDomainEvents();
      Object.assign(row, structuredClone(committed.fields));
    }
  }
}

const UNSAVED_FIELDS = new Set(['recordedEvents', 'version']);

function snapshotOf(row: object): Record<string, unknown> {
  return structuredClone(Object.fromEntries(Object.entries(row).filter(([key]) => !UNSAVED_FIELDS.has(key))));
}

function serialize(row: object): string {
  return JSON.stringify(row, (key, value: unknown) => (UNSAVED_FIELDS.has(key) ? undefined : value));
}
