import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SessionRevocations, UnitOfWork } from '@lib/platform';
import { AccountDirectory, type AccountFacts } from '../../contracts/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The contract port over identity's own tables. */
@Injectable()
export class SqlAccountDirectory extends AccountDirectory {
  constructor(
    private readonly em: EntityManager,
    private readonly revocations: SessionRevocations,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super();
  }

  async accountOf(userId: string): Promise<AccountFacts | null> {
    if (!UUID.test(userId)) return null;
    const [row] = await this.em.execute<{ id: string; created_at: Date }[]>(
      'select id, created_at from identity.users where id = ?',
      [userId],
    );
    return row ? { userId: row.id, createdAt: new Date(row.created_at) } : null;
  }

  async endAllSessions(userId: string): Promise<void> {
    const ended = await this.em.execute<{ id: string }[]>(
      `update identity.sessions set ended_at = now(), end_reason = 'admin'
        where user_id = ? and ended_at is null returning id`,
      [userId],
    );
    await this.em.execute('update identity.api_keys set revoked_at = now() where user_id = ? and revoked_at is null', [
      userId,
    ]);
    // Once the ends are saved: revoking refuses the access tokens and closes the sockets on every node.
    this.unitOfWork.afterCommit(async () => {
      for (const { id } of ended) await this.revocations.revoke(id);
    });
  }
}
