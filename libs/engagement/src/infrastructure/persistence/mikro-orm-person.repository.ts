import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Person } from '../../domain/person/person.js';
import { PersonRepository } from '../../domain/person/person.repository.js';

@Injectable()
export class MikroOrmPersonRepository extends PersonRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  find(userId: string): Promise<Person | null> {
    return this.em.findOne(Person, { userId });
  }

  findMany(userIds: readonly string[]): Promise<Person[]> {
    return userIds.length ? this.em.find(Person, { userId: { $in: [...userIds] } }) : Promise.resolve([]);
  }

  withHandles(handles: string[], userIds: string[]): Promise<Person[]> {
    return this.em.find(Person, { handle: { $in: handles }, userId: { $in: userIds } });
  }

  add(person: Person): void {
    this.em.persist(person);
  }
}
