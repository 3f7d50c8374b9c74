import { inRequestContext } from '@lib/platform';
import { Injectable } from '@nestjs/common';
import {
  EntityManager,
  MikroORM,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/postgresql';
import { PersistenceScope } from '../../application/persistence-scope.js';

@Injectable()
export class MikroOrmPersistenceScope extends PersistenceScope {
  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
  ) {
    super();
  }

  alone<T>(work: () => Promise<T>): Promise<T> {
    // A fresh identity map, so the global EntityManager resolves to it for everything called inside.
    return inRequestContext(this.orm.em, work);
  }

  isConcurrentEdit(error: unknown): boolean {
    return error instanceof OptimisticLockError;
  }

  isUniqueViolation(error: unknown): boolean {
    return error instanceof UniqueConstraintViolationException;
  }

  forgetLoaded(): void {
    this.em.clear();
  }
}
