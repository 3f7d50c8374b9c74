import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  CONFIRMED_VIOLATIONS,
  ModerationDecision,
  ModerationDecisionRepository,
} from '../../domain/actions/moderation-decision.js';

@Injectable()
export class MikroOrmModerationDecisionRepository extends ModerationDecisionRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(decision: ModerationDecision): Promise<void> {
    await this.em.persist(decision).flush();
  }

  byItem(itemId: string): Promise<ModerationDecision | null> {
    return this.em.findOne(ModerationDecision, { itemId });
  }

  async violationsSince(subjectUserId: string, since: Date): Promise<number> {
    return this.em.count(ModerationDecision, {
      subjectUserId,
      createdAt: { $gte: since },
      action: { $in: [...CONFIRMED_VIOLATIONS] },
    });
  }
}
