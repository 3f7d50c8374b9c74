import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SanctionedComments } from '../../application/sanctions/sanctioned-comments.js';

@Injectable()
export class SqlSanctionedComments extends SanctionedComments {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async visibleIdsOf(authorId: string): Promise<string[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select id from engagement.comments where author_id = ? and status = 'visible' and deleted_at is null`,
      [authorId],
    );
    return rows.map((row) => row.id);
  }

  async remember(authorId: string, sanction: string, commentIds: string[]): Promise<void> {
    if (!commentIds.length) return;
    await this.em.execute(
      `insert into engagement.sanction_hidden_comments (comment_id, author_id, sanction)
       select unnest(array[?]::uuid[]), ?, ? on conflict do nothing`,
      [commentIds, authorId, sanction],
    );
  }

  async release(authorId: string, sanction: string): Promise<string[]> {
    const rows = await this.em.execute<{ comment_id: string }[]>(
      `delete from engagement.sanction_hidden_comments where author_id = ? and sanction = ? returning comment_id`,
      [authorId, sanction],
    );
    if (!rows.length) return [];
    const still = await this.em.execute<{ comment_id: string }[]>(
      `select comment_id from engagement.sanction_hidden_comments where comment_id = any(array[?]::uuid[])`,
      [rows.map((row) => row.comment_id)],
    );
    const kept = new Set(still.map((row) => row.comment_id));
    return rows.map((row) => row.comment_id).filter((id) => !kept.has(id));
  }
}
