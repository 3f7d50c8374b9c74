/** Anything the emulator persists: Stripe objects (customer, subscription, event, ...) and its own bookkeeping records. */
export interface EmulatorObject {
  id: string;
  object: string;
  [key: string]: unknown;
}

/**
 * Where the emulator keeps its state. In tests an in-memory map; in the local sandbox a PostgreSQL table.
 * Implementations must hand out copies: the emulator mutates what it reads before putting it back.
 */
export interface EmulatorStore {
  get<T extends EmulatorObject>(id: string): Promise<T | undefined>;
  /** Inserts, or replaces the object with the same id (keeping its original insertion position). */
  put(object: EmulatorObject): Promise<void>;
  /** All objects whose `object` field equals objectType, in insertion order. */
  list<T extends EmulatorObject>(objectType: string): Promise<T[]>;
  /** Optional: writes several objects atomically (one database transaction). Without it the emulator puts them one by one. */
  putMany?(objects: EmulatorObject[]): Promise<void>;
}

export class MemoryEmulatorStore implements EmulatorStore {
  // A Map iterates in insertion order and keeps a key's position when its value is replaced.
  private readonly objects = new Map<string, EmulatorObject>();

  async get<T extends EmulatorObject>(id: string): Promise<T | undefined> {
    const found = this.objects.get(id);
    return found === undefined ? undefined : (structuredClone(found) as T);
  }

  async put(object: EmulatorObject): Promise<void> {
    this.objects.set(object.id, structuredClone(object));
  }

  async putMany(objects: EmulatorObject[]): Promise<void> {
    for (const object of objects) this.objects.set(object.id, structuredClone(object));
  }

  async list<T extends EmulatorObject>(objectType: string): Promise<T[]> {
    const matching: T[] = [];
    for (const object of this.objects.values()) {
      if (object.object === objectType) matching.push(structuredClone(object) as T);
    }
    return matching;
  }

  /** How many objects are stored (all types); handy in tests. */
  get size(): number {
    return this.objects.size;
  }
}
