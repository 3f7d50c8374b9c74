import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Screening } from '../../domain/screening/screening.js';
import { ScreeningRepository } from '../../domain/screening/screening.repository.js';

@Injectable()
export class MikroOrmScreeningRepository extends ScreeningRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async recordWithContent(screening: Screening): Promise<void> {
    // Inserted at once (not left for a flush): inside the caller's unit of work it commits or rolls back with the content.
    await this.em.insert(Screening, screening);
  }

  async recordRefusal(screening: Screening): Promise<void> {
    // A fork outside any transaction: the refusal is thrown next, rolling back the caller's.
    await this.em.fork({ keepTransactionContext: false }).insert(Screening, screening);
  }
}
