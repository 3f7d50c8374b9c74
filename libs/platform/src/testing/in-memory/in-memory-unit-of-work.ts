import type { DomainEvent } from '../../ddd/domain-event.js';
import { UnitOfWork } from '../../persistence/unit-of-work.js';

/** What a transaction commits or rolls back: an `InMemoryTable`. */
export interface TransactionalTable {
  commit(): DomainEvent[];
  rollback(): void;
}

/**
 * A transaction over in-memory tables: the outermost `transactional` commits every table when the work
 * resolves and rolls them all back when it throws. Released domain events stay readable in `published`
 * (what the outbox would have received).
 */
export class InMemoryUnitOfWork extends UnitOfWork {
  readonly published: DomainEvent[] = [];
  private depth = 0;

  constructor(private readonly tables: TransactionalTable[]) {
    super();
  }

  async transactional<T>(work: () => Promise<T>): Promise<T> {
    this.depth += 1;
    try {
      const result = await work();
      if (this.depth === 1) this.commit();
      return result;
    } catch (error) {
      if (this.depth === 1) this.rollback();
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  commit(): void {
    for (const table of this.tables) this.published.push(...table.commit());
  }

  rollback(): void {
    for (const table of this.tables) table.rollback();
  }

  /** The events published so far of one type, in order. */
  publishedOf<E extends DomainEvent>(type: abstract new (...args: never[]) => E): E[] {
    return this.published.filter((event): event is E => event instanceof type);
  }
}
