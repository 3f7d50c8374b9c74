import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SpamExample, SpamModel } from '../../domain/spam/spam-model.js';
import { SpamExampleRepository, SpamModelRepository } from '../../domain/spam/spam.repository.js';

@Injectable()
export class MikroOrmSpamModelRepository extends SpamModelRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async latest(): Promise<SpamModel | null> {
    const [model] = await this.em
      .fork()
      .find(SpamModel, {}, { orderBy: { trainedAt: 'desc' }, limit: 1, populate: ['parameters'] });
    return model ?? null;
  }

  async latestVersion(): Promise<string | null> {
    const [row] = await this.em
      .fork()
      .find(SpamModel, {}, { orderBy: { trainedAt: 'desc' }, limit: 1, fields: ['version'] });
    return row?.version ?? null;
  }

  async add(model: SpamModel): Promise<void> {
    await this.em.fork().insert(SpamModel, Object.assign(new SpamModel(), model));
  }
}

@Injectable()
export class MikroOrmSpamExampleRepository extends SpamExampleRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(example: SpamExample): Promise<void> {
    // Joins the moderator's decision's transaction when there is one.
    await this.em.insert(SpamExample, Object.assign(new SpamExample(), example));
  }

  all(): Promise<SpamExample[]> {
    return this.em.fork().find(SpamExample, {}, { orderBy: { decidedAt: 'asc' } });
  }
}
