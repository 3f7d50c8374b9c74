import { Migration } from '@mikro-orm/migrations';

/** Studio: invitations by e-mail to addresses no account has yet (docs/adr/0022-pending-email-invitations.md). */
export class Migration20261202170000_studio_email_invitations extends Migration {
  override async up(): Promise<void> {
    // The default fills existing rows only; new rows always get the aggregate's own value.
    this.addSql(`alter table studio.channels add column email_invitations jsonb not null default '[]'::jsonb;`);
    this.addSql(`alter table studio.channels alter column email_invitations drop default;`);
    this.addSql(
      `create index channels_email_invitations_idx on studio.channels using gin (email_invitations jsonb_path_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index studio.channels_email_invitations_idx;`);
    this.addSql(`alter table studio.channels drop column email_invitations;`);
  }
}
