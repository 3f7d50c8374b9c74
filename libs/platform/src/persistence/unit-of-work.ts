import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { afterCommit, collectingAfterCommit, type AfterCommitEffect } from './after-commit.js';

/** Runs a use case's saves in one transaction; repositories inside it join that transaction. */
export abstract class UnitOfWork {
  abstract transactional<T>(work: () => Promise<T>): Promise<T>;

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

  transactional<T>(work: () => Promise<T>): Promise<T> {
    // The global EntityManager resolves to this transaction's fork for everything called inside.
    return collectingAfterCommit(() => this.em.transactional(() => work()));
  }
}
