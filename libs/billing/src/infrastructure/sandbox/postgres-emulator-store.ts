import type { MikroORM } from '@mikro-orm/postgresql';
import type { EmulatorObject, EmulatorStore } from '@lib/stripe-emulator';

/** The sandbox's Stripe emulator keeps its objects in PostgreSQL, so the API and the worker share them and a restart loses nothing. */
export class PostgresEmulatorStore implements EmulatorStore {
  constructor(private readonly orm: MikroORM) {}

  async get<T extends EmulatorObject>(id: string): Promise<T | undefined> {
    const [row] = await this.orm.em
      .fork()
      .execute<Array<{ data: T }>>(`select data from billing.sandbox_objects where id = ?`, [id]);
    return row?.data;
  }

  async put(object: EmulatorObject): Promise<void> {
    await this.orm.em
      .fork()
      .execute(
        `insert into billing.sandbox_objects (id, object, data) values (?, ?, ?::jsonb) on conflict (id) do update set data = excluded.data`,
        [object.id, object.object, JSON.stringify(object)],
      );
  }

  async list<T extends EmulatorObject>(objectType: string): Promise<T[]> {
    const rows = await this.orm.em
      .fork()
      .execute<Array<{ data: T }>>(`select data from billing.sandbox_objects where object = ? order by seq`, [
        objectType,
      ]);
    return rows.map((row) => row.data);
  }
}
