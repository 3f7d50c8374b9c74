import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  CONFIRMED_VIOLATIONS,
  ESCALATION_RULE,
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
    const [row] = await this.em.execute<{ n: number }[]>(
      `select count(*)::int as n from trust_safety.decisions d
        where d.subject_user_id = ? and d.created_at >= ?
          and d.action in (${CONFIRMED_VIOLATIONS.map(() => '?').join(', ')})
          and (d.rule is null or (d.rule <> 'dmca' and d.rule not like 'dmca.%' and d.rule <> ?))
          and not exists (select 1 from trust_safety.appeals a where a.decision_id = d.id and a.status = 'upheld')`,
      [subjectUserId, since, ...CONFIRMED_VIOLATIONS, ESCALATION_RULE],
    );
    return row?.n ?? 0;
  }

  escalationTriggeredBy(decisionId: string): Promise<ModerationDecision | null> {
    return this.em.findOne(ModerationDecision, { triggeredById: decisionId, rule: ESCALATION_RULE });
  }
}
