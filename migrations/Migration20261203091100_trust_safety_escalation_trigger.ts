import { Migration } from '@mikro-orm/migrations';

/** Trust & safety: an automatic escalation names the decision that triggered it, so an upheld appeal undoes both. */
export class Migration20261203091100_trust_safety_escalation_trigger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table trust_safety.decisions add column triggered_by_id uuid null;`);
    this.addSql(
      `create index decisions_triggered_by_idx on trust_safety.decisions (triggered_by_id) where triggered_by_id is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index trust_safety.decisions_triggered_by_idx;`);
    this.addSql(`alter table trust_safety.decisions drop column triggered_by_id;`);
  }
}
