import { Migration } from '@mikro-orm/migrations';

/**
 * Engagement: the comments a suspension or ban took off the page, restored when it is lifted
 * (docs/adr/0036-trust-scores-and-suspension-effects.md).
 */
export class Migration20261203062000_engagement_sanction_hidden_comments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table engagement.sanction_hidden_comments (
        comment_id uuid not null,
        author_id uuid not null,
        sanction text not null,
        primary key (comment_id, sanction)
      );`);
    this.addSql(
      `create index sanction_hidden_comments_author_idx on engagement.sanction_hidden_comments (author_id, sanction);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table engagement.sanction_hidden_comments;`);
  }
}
