import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/** Runs a use case's saves in one transaction; repositories inside it join that transaction. */
export abstract class UnitOfWork {
  abstract transactional<T>(work: () => Promise<T>): Promise<T>;
}

@Injectable()
export class MikroOrmUnitOfWork extends UnitOfWork {
  constructor(private readonly em: EntityManager) {
    super();
  }

  transactional<T>(work: () => Promise<T>): Promise<T> {
    // The global EntityManager resolves to this transaction's fork for everything called inside.
    return this.em.transactional(() => work());
  }
}
