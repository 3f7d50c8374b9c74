import type { Person } from './person.js';

/** Engagement's directory of people (a local copy of identity's accounts). */
export abstract class PersonRepository {
  abstract find(userId: string): Promise<Person | null>;
  /** The known people among `userIds` (any order; unknown ids are left out). */
  abstract findMany(userIds: readonly string[]): Promise<Person[]>;
  /** The people among `userIds` who go by one of `handles` (lower-case, without the @). */
  abstract withHandles(handles: string[], userIds: string[]): Promise<Person[]>;
  /** Saved with the current unit of work. */
  abstract add(person: Person): void;
}
