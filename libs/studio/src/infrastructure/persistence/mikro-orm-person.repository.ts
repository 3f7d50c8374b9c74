import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { StudioPerson } from '../../domain/people/person.js';
import { PersonRepository } from '../../domain/people/person.repository.js';

@Injectable()
export class MikroOrmPersonRepository extends PersonRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  byId(userId: string) {
    return this.em.findOne(StudioPerson, { userId });
  }

  byIds(userIds: string[]) {
    return userIds.length ? this.em.find(StudioPerson, { userId: { $in: userIds } }) : Promise.resolve([]);
  }

  byHandle(handle: string) {
    return this.em.findOne(StudioPerson, { handle: { $ilike: escapeLike(handle) } });
  }

  byEmail(email: string) {
    return this.em.findOne(StudioPerson, { email: email.toLowerCase() });
  }

  async lockEmail(email: string): Promise<void> {
    await this.em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [
      `studio.invitation-email:${email.toLowerCase()}`,
    ]);
  }

  add(person: StudioPerson) {
    this.em.persist(person);
  }
}

/** `$ilike` treats `%` and `_` as wildcards; handles may contain `_`. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}
