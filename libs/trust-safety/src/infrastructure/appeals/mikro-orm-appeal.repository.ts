import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, InvalidCursorError } from '@lib/platform';
import { Appeal, AppealRepository, type AppealableDecision } from '../../domain/appeals/appeal.js';
import { SanctionLift, SanctionLiftRepository } from '../../domain/appeals/sanction-lift.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Appeals against bans and suspensions weigh more in the queue than those against a warning. */
const APPEAL_SEVERITY: Record<string, number> = { ban: 3, suspend: 3, timeout: 2 };
const APPEAL_DUE_HOURS = 24;

@Injectable()
export class MikroOrmAppealRepository extends AppealRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async decisionForAppeal(decisionId: string): Promise<AppealableDecision | null> {
    if (!UUID.test(decisionId)) return null;
    const [row] = await this.em.execute<
      {
        id: string;
        moderator_id: string | null;
        action: string;
        target_type: string;
        target_id: string;
        subject_user_id: string | null;
        created_at: Date;
      }[]
    >(
      `select id, moderator_id, action, target_type, target_id, subject_user_id, created_at
         from trust_safety.decisions where id = ? for update`,
      [decisionId],
    );
    if (!row) return null;
    return {
      id: row.id,
      moderatorId: row.moderator_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      subjectUserId: row.subject_user_id,
      createdAt: new Date(row.created_at),
    };
  }

  byDecision(decisionId: string): Promise<Appeal | null> {
    return this.em.findOne(Appeal, { decisionId });
  }

  async find(appealId: string, options: { lock?: boolean } = {}): Promise<Appeal | null> {
    if (!UUID.test(appealId)) return null;
    if (options.lock) {
      // The row lock makes a second, concurrent decision wait and then see the first.
      await this.em.execute('select id from trust_safety.appeals where id = ? for update', [appealId]);
      return this.em.findOne(Appeal, { id: appealId }, { refresh: true });
    }
    return this.em.findOne(Appeal, { id: appealId });
  }

  async ofAppellant(appellantId: string, limit: number, cursor?: string) {
    let after: { at: Date; id: string } | undefined;
    if (cursor) {
      const [at, id] = decodeCursor(cursor) ?? [];
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID.test(id))
        throw new InvalidCursorError();
      after = { at: new Date(at), id };
    }
    const items = await this.em.find(
      Appeal,
      {
        appellantId,
        ...(after ? { $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, id: { $lt: after.id } }] } : {}),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 },
    );
    const page = items.slice(0, limit);
    const last = items.length > limit ? page[page.length - 1] : undefined;
    return {
      items: page,
      nextCursor: last ? encodeCursor([last.createdAt.toISOString(), last.id]) : undefined,
    };
  }

  async add(appeal: Appeal): Promise<void> {
    await this.em.persist(appeal).flush();
  }

  async save(appeal: Appeal): Promise<void> {
    await this.em.persist(appeal).flush();
  }

  async enqueue(input: {
    itemId: string;
    appealId: string;
    appellantId: string;
    originalAction: string;
    at: Date;
  }): Promise<void> {
    // The appeal is the item's target, so each appeal is its own item even when one account has several.
    await this.em.execute(
      `insert into trust_safety.review_items (id, kind, target_type, target_id, subject_user_id, category, severity,
              reporter_weight, report_count, status, due_at, created_at, last_activity_at)
       values (?, 'appeal', 'appeal', ?, ?, ?, ?, 1, 0, 'open', ?, ?, ?)`,
      [
        input.itemId,
        input.appealId,
        input.appellantId,
        `appeal.${input.originalAction}`,
        APPEAL_SEVERITY[input.originalAction] ?? 1,
        new Date(input.at.getTime() + APPEAL_DUE_HOURS * 3_600_000),
        input.at,
        input.at,
      ],
    );
  }
}

@Injectable()
export class MikroOrmSanctionLiftRepository extends SanctionLiftRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(lift: SanctionLift): Promise<void> {
    await this.em.persist(lift).flush();
  }
}
