import { Migration } from '@mikro-orm/migrations';

/**
 * Insights' MRR series becomes a copy of billing's MRR ledger, classified by billing
 * (`billing.mrr-movement-recorded.v1`, ADR 0020): rows are keyed by billing's movement id and take
 * billing's five kinds. The movements insights derived itself (new / change / churn) are replaced
 * by billing's ledger, classified as billing's `classifyMovement` does.
 */
export class Migration20261202161000_insights_mrr_from_billing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`delete from insights.mrr_movements;`);
    this.addSql(`alter table insights.mrr_movements rename column event_id to movement_id;`);
    this.addSql(`alter table insights.mrr_movements drop constraint mrr_movements_kind_check;`);
    this.addSql(
      `alter table insights.mrr_movements add constraint mrr_movements_kind_check check (kind in ('new', 'expansion', 'contraction', 'churn', 'reactivation'));`,
    );
    this.addSql(`
      insert into insights.mrr_movements (movement_id, subscription_id, occurred_at, kind, delta_cents)
      select id, subscription_id, occurred_at,
        case
          when mrr_before = 0 then case when coalesce(had_revenue, false) then 'reactivation' else 'new' end
          when mrr_after = 0 then 'churn'
          when mrr_after > mrr_before then 'expansion'
          else 'contraction'
        end,
        mrr_after - mrr_before
      from (
        select m.*, bool_or(mrr_after > 0) over (partition by subscription_id order by occurred_at, id rows between unbounded preceding and 1 preceding) as had_revenue
        from billing.mrr_movements m
      ) ledger
      where mrr_after <> mrr_before;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from insights.mrr_movements;`);
    this.addSql(`alter table insights.mrr_movements drop constraint mrr_movements_kind_check;`);
    this.addSql(`alter table insights.mrr_movements rename column movement_id to event_id;`);
    this.addSql(
      `alter table insights.mrr_movements add constraint mrr_movements_kind_check check (kind in ('new', 'change', 'churn'));`,
    );
  }
}
