import { RequestContext, type EntityManager } from '@mikro-orm/postgresql';

/** The request's EntityManager fork, made the first time something asks for it. */
class ForkOnFirstUse extends Map<string, EntityManager> {
  constructor(private readonly root: EntityManager) {
    super();
  }

  private forking = false;

  override get(name: string): EntityManager | undefined {
    const made = super.get(name);
    // Building the fork asks for the context's EntityManager itself: answer "none yet" meanwhile.
    if (made || name !== this.root.name || this.forking) return made;
    this.forking = true;
    try {
      const fork = this.root.fork({ useContext: true, disableContextResolution: true });
      this.set(name, fork);
      return fork;
    } finally {
      this.forking = false;
    }
  }
}

// MikroORM's own RequestContext.create forks eagerly; this variant keeps its storage and lookup but
// defers the fork (createContext is private in the typings, so it is replaced on a subclass here).
class LazyRequestContext extends RequestContext {}
Object.defineProperty(LazyRequestContext, 'createContext', {
  value: (em: EntityManager) => new RequestContext(new ForkOnFirstUse(em)),
});

/**
 * Runs `work` in its own unit of work (an EntityManager fork, as MikroORM's RequestContext gives), but
 * forks only when the work first touches the database: a health check, a cached read or a refused
 * request pays nothing for it.
 */
export function inRequestContext<T>(em: EntityManager, work: () => T): T {
  return LazyRequestContext.create(em, work);
}
