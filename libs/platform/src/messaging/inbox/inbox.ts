import { Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { collectingAfterCommit } from '../../persistence/after-commit.js';

export type InboxOutcome = 'processed' | 'duplicate';

/**
 * Makes a consumer's effect happen once per event: the (event, consumer) row and the effect commit in
 * one transaction, so a redelivered event finds its row and does nothing. A concurrent duplicate waits
 * on the primary key until the first delivery commits, then sees the row. Effects registered with
 * `afterCommit` run only once this transaction has committed.
 */
@Injectable()
export class Inbox {
  constructor(private readonly orm: MikroORM) {}

  async once(eventId: string, consumer: string, effect: (em: EntityManager) => Promise<void>): Promise<InboxOutcome> {
    return collectingAfterCommit(() =>
      this.orm.em.fork().transactional(async (em) => {
        const claimed = await em.execute<{ event_id: string }[]>(
          'insert into platform.inbox (event_id, consumer) values (?, ?) on conflict do nothing returning event_id',
          [eventId, consumer],
        );
        if (claimed.length === 0) return 'duplicate';
        await effect(em);
        return 'processed' as const;
      }),
    );
  }
}
