import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { SearchDocument, SearchIndexSource } from '@lib/platform';
import { PEOPLE_INDEX, personDocument, type PersonDocument } from '../../application/people-index.js';
import { User } from '../../domain/user/user.js';

/** Where a rebuild of the `people` index reads from: the users table, in id order. */
@Injectable()
export class PeopleIndexSource implements SearchIndexSource<PersonDocument> {
  readonly definition = PEOPLE_INDEX;

  constructor(private readonly orm: MikroORM) {}

  count(): Promise<number> {
    return this.orm.em.fork().count(User, {});
  }

  async *batches(options: { batchSize: number; changedSince?: Date }): AsyncIterable<SearchDocument<PersonDocument>[]> {
    let afterId: string | undefined;
    for (;;) {
      // A fresh fork per batch keeps the identity map from growing with the table.
      const users = await this.orm.em.fork().find(
        User,
        {
          ...(afterId ? { id: { $gt: afterId } } : {}),
          ...(options.changedSince ? { updatedAt: { $gte: options.changedSince } } : {}),
        },
        { orderBy: { id: 'asc' }, limit: options.batchSize },
      );
      if (!users.length) return;
      yield users.map(personDocument);
      afterId = users.at(-1)!.id;
    }
  }
}
