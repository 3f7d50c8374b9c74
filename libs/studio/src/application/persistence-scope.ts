/** Port: storage work that runs outside any HTTP request (jobs, worker callbacks), in a context of its own. */
export abstract class PersistenceScope {
  abstract alone<T>(work: () => Promise<T>): Promise<T>;
  /** True when a save lost a race with another writer (optimistic lock): read again and retry. */
  abstract isConcurrentEdit(error: unknown): boolean;
  /** True when a save was refused by a unique key (an episode slot, a collection name taken meanwhile). */
  abstract isUniqueViolation(error: unknown): boolean;
  /** Drops everything loaded in the current context, so nothing from a refused change gets saved later. */
  abstract forgetLoaded(): void;
}
