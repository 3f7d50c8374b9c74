import { Injectable } from '@nestjs/common';
import { EntityManager, OptimisticLockError } from '@mikro-orm/postgresql';
import { afterCommit, collectingAfterCommit, type AfterCommitEffect } from './after-commit.js';

export interface TransactionOptions {
  /**
   * How many times to run `work` again when another writer changed one of its aggregates first
   * (optimistic version conflict). Only for work that loads what it changes inside `work`.
   */
  conflictRetries?: number;
}

/** Runs a use case's saves in one transaction; repositories inside it join that transaction. */
export abstract class UnitOfWork {
  abstract transactional<T>(work: () => Promise<T>, options?: TransactionOptions): Promise<T>;

  /**
   * Defers a side effect (socket push, mail, external call) until the current transaction — this
   * unit of work's or an event consumer's inbox transaction — commits; a rollback drops it.
   */
  afterCommit(effect: AfterCommitEffect): void {
    afterCommit(effect);
  }
}

@Injectable()
export class MikroOrmUnitOfWork extends UnitOfWork {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async transactional<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        // The global EntityManager resolves to this transaction's fork for everything called inside.
        return await collectingAfterCommit(() => this.em.transactional(() => work()));
      } catch (error) {
        // A failed transaction's fork is dropped, so the next attempt reads the committed rows afresh.
        if (!(error instanceof OptimisticLockError) || attempt >= (options.conflictRetries ?? 0)) throw error;
      }
    }
  }
}
