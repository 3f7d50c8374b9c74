import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ModerationStatistics, type ModerationStatsView } from '../../application/moderation-stats/moderation-stats.js';
import { REVIEW_ITEM_KINDS } from '../../domain/review-queue/review-item.js';

type Counted = { key: string; count: number }[];

@Injectable()
export class SqlModerationStatistics extends ModerationStatistics {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async compute(from: Date, to: Date): Promise<Omit<ModerationStatsView, 'windowDays' | 'from' | 'to'>> {
    const em = this.em.fork();
    const byKind = await em.execute<Counted>(
      `select kind as key, count(*)::int as count from trust_safety.review_items where status = 'open' group by kind`,
    );
    // A released claim clears claimed_at, so a decision is the first action any item is sure to keep.
    const [median] = await em.execute<{ seconds: number | null }[]>(
      `select percentile_cont(0.5) within group (order by extract(epoch from
                (least(claimed_at, resolved_at) - created_at)))::float8 as seconds
         from trust_safety.review_items
        where created_at >= ? and created_at < ? and (claimed_at is not null or resolved_at is not null)`,
      [from, to],
    );
    const [breaches] = await em.execute<{ open: number; late: number }[]>(
      `select count(*) filter (where status = 'open' and due_at < now())::int as open,
              count(*) filter (where status = 'resolved' and resolved_at > due_at
                                 and resolved_at >= ? and resolved_at < ?)::int as late
         from trust_safety.review_items`,
      [from, to],
    );
    const actions = await em.execute<Counted>(
      `select action as key, count(*)::int as count from trust_safety.decisions
        where created_at >= ? and created_at < ? group by action`,
      [from, to],
    );
    const [appeals] = await em.execute<{ upheld: number; denied: number; open: number }[]>(
      `select count(*) filter (where status = 'upheld' and decided_at >= ? and decided_at < ?)::int as upheld,
              count(*) filter (where status = 'denied' and decided_at >= ? and decided_at < ?)::int as denied,
              count(*) filter (where status = 'open')::int as open
         from trust_safety.appeals`,
      [from, to, from, to],
    );
    const categories = await em.execute<Counted>(
      `select category as key, count(*)::int as count from trust_safety.reports
        where created_at >= ? and created_at < ? group by category`,
      [from, to],
    );
    const [spam] = await em.execute<{ spam: number; ham: number }[]>(
      `select count(*) filter (where is_spam)::int as spam, count(*) filter (where not is_spam)::int as ham
         from trust_safety.spam_examples where flagged_by_model and decided_at >= ? and decided_at < ?`,
      [from, to],
    );
    const open = Object.fromEntries(REVIEW_ITEM_KINDS.map((kind) => [kind, 0])) as Record<string, number>;
    for (const row of byKind) open[row.key] = row.count;
    const decided = appeals.upheld + appeals.denied;
    const labelled = spam.spam + spam.ham;
    return {
      openItems: { total: byKind.reduce((sum, row) => sum + row.count, 0), byKind: open },
      medianSecondsToFirstAction:
        median?.seconds === null || median?.seconds === undefined ? null : Number(median.seconds),
      slaBreaches: { open: breaches.open, resolvedLate: breaches.late },
      actionsByType: toRecord(actions),
      appeals: {
        decided,
        upheld: appeals.upheld,
        denied: appeals.denied,
        open: appeals.open,
        overturnRate: decided ? round(appeals.upheld / decided) : null,
      },
      reportsByCategory: toRecord(categories),
      spamModel: {
        labelled,
        confirmedSpam: spam.spam,
        notSpam: spam.ham,
        livePrecision: labelled ? round(spam.spam / labelled) : null,
      },
    };
  }
}

function toRecord(rows: Counted): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.key, row.count]));
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
