import { MessagingModule, PersistenceModule } from '@lib/platform';
import { HideCommentsOnAccountSanction } from './application/sanctions/hide-comments-on-account-sanction.js';
import { SanctionedComments } from './application/sanctions/sanctioned-comments.js';
import { SqlSanctionedComments } from './infrastructure/sanctions/sql-sanctioned-comments.js';

/** A suspended or banned author's comments hidden, and restored on lift (docs/adr/0036). */
export const SANCTIONS = {
  imports: [
    PersistenceModule.forFeature([], { sqlOnlyTables: ['engagement.sanction_hidden_comments'] }),
    MessagingModule.forContext({ consumers: [HideCommentsOnAccountSanction] }),
  ],
  providers: [{ provide: SanctionedComments, useClass: SqlSanctionedComments }, HideCommentsOnAccountSanction],
};
