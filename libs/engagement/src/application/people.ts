import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Person, PersonNotFoundError } from '../domain/social-graph/restriction.js';

/** Engagement's directory of people (a local read model of identity's accounts). */
@Injectable()
export class People {
  constructor(private readonly em: EntityManager) {}

  async require(userId: string): Promise<Person> {
    const person = await this.em.findOne(Person, { userId });
    if (!person) throw new PersonNotFoundError(userId);
    return person;
  }
}
