import type { StudioPerson } from './person.js';

export abstract class PersonRepository {
  abstract byId(userId: string): Promise<StudioPerson | null>;
  abstract byIds(userIds: string[]): Promise<StudioPerson[]>;
  /** Case-insensitive, the way handles are unique. */
  abstract byHandle(handle: string): Promise<StudioPerson | null>;
  abstract byEmail(email: string): Promise<StudioPerson | null>;
  /**
   * Until the current transaction ends, holds off every other invitation to or registration of this
   * address: "no account yet, the invitation waits" and "a new account claims what waits" must not
   * miss each other.
   */
  abstract lockEmail(email: string): Promise<void>;
  abstract add(person: StudioPerson): void;
}
