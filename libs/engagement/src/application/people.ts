import { Injectable } from '@nestjs/common';
import type { Person } from '../domain/person/person.js';
import { PersonNotFoundError } from '../domain/person/person.errors.js';
import { PersonRepository } from '../domain/person/person.repository.js';

/** Engagement's directory of people (a local read model of identity's accounts). */
@Injectable()
export class People {
  constructor(private readonly people: PersonRepository) {}

  async require(userId: string): Promise<Person> {
    const person = await this.people.find(userId);
    if (!person) throw new PersonNotFoundError(userId);
    return person;
  }
}
