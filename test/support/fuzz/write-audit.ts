import pg from 'pg';

/**
 * Writes scheduled jobs make on their own clock, whatever request happens to be in flight: not
 * counted against a refused request. Each is bookkeeping, never a row a request could ask for.
 */
export const BACKGROUND_WRITES = [
  'engagement.rec_job_cursors insert', // the recommendations job's position in the event stream
  'engagement.rec_job_cursors update',
  'platform.outbox update', // the relay marking events published
  'insights.rollups insert', // the scheduled rollup of raw events into hourly and daily counts
  'insights.rollups update',
  'insights.rollups delete', // a rebuilt bucket's old rows (an hour rebuilt again, the day's rollup after it)
  'insights.rollup_builds insert', // the rollup job claiming the hours it builds, and releasing them
  'insights.rollup_builds delete',
  'insights.dirty_hours delete', // the rollup job taking the hours it rebuilds
  'engagement.trend_recomputes insert', // the scheduled trending recompute recording its run
  'engagement.trend_recomputes delete',
  // The people index: only its outbox consumer and the reindex job write it, on the search index's own connection
  // (so outside the transaction holding the consumer's inbox row); no request handler writes search tables.
  'search.documents insert',
  'search.documents update',
  'search.words insert',
  // The recommendations neighbour job (its own queue, on its own clock): co-watch counts, the videos it
  // marks for recomputing and takes again, and the lists it computes. Requests write only `rec_signals`, through
  // the event consumer (an inbox transaction).
  'engagement.rec_cowatch_members insert',
  'engagement.rec_video_stats insert',
  'engagement.rec_video_stats update',
  'engagement.rec_cowatch_pairs insert',
  'engagement.rec_cowatch_pairs update',
  'engagement.rec_dirty_videos insert',
  'engagement.rec_dirty_videos delete',
  'engagement.rec_neighbours insert',
  'engagement.rec_neighbours update',
];

/**
 * Writes that mark a whole transaction as a scheduled job's, whatever else it wrote (an outbox event
 * included): the rollup job announcing view totals (`insights.view_count_batches`, ADR 0039).
 */
export const BACKGROUND_TRANSACTIONS = ['insights.view_count_batches insert'];

/**
 * Which tables changed, and when: a row-level trigger on every application table appends
 * `(table, operation, transaction)` to `fuzz_audit.writes` inside the writer's own transaction, so a rolled-back
 * write leaves nothing and a committed one is seen whatever it touched (insert, update or delete,
 * counters and timestamps included). Installed on a test database only; cheap to read (one max()).
 */
export class WriteAudit {
  private constructor(private readonly client: pg.Client) {}

  static async install(databaseUrl: string): Promise<WriteAudit> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`
      create schema if not exists fuzz_audit;
      create table if not exists fuzz_audit.writes (
        id bigserial primary key,
        relation text not null,
        operation text not null,
        tx xid8 not null default pg_current_xact_id()
      );
      create or replace function fuzz_audit.record() returns trigger language plpgsql as $$
      begin
        insert into fuzz_audit.writes (relation, operation) values (tg_table_schema || '.' || tg_table_name, tg_op);
        return null;
      end $$;`);
    const { rows } = await client.query<{ schema: string; name: string }>(`
      select n.nspname as schema, c.relname as name
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and not c.relispartition
         and n.nspname not in ('pg_catalog', 'information_schema', 'fuzz_audit', 'pg_toast')`);
    for (const { schema, name } of rows)
      await client.query(
        `create or replace trigger fuzz_audit after insert or update or delete on "${schema}"."${name}"
           for each row execute function fuzz_audit.record()`,
      );
    return new WriteAudit(client);
  }

  /** The position of the newest committed write. */
  async mark(): Promise<number> {
    const { rows } = await this.client.query<{ id: string | null }>('select max(id) as id from fuzz_audit.writes');
    return Number(rows[0].id ?? 0);
  }

  /**
   * `schema.table operation ×n` for every write committed after `mark`, except those `ignored`
   * (`schema.table operation`, e.g. background jobs' own bookkeeping), and the new mark.
   */
  async since(mark: number, ignored: readonly string[] = []): Promise<{ writes: string[]; mark: number }> {
    // A transaction that claimed an inbox row is an event consumer's (after-commit work of an earlier
    // accepted request), whatever else it wrote: not the request in flight. Likewise a scheduled job's
    // transaction, told by a write only that job makes (`BACKGROUND_TRANSACTIONS`).
    const { rows } = await this.client.query<{ relation: string; operation: string; count: string }>(
      `with recent as (select * from fuzz_audit.writes where id > $1),
            consumers as (select distinct tx from recent
                           where (relation = 'platform.inbox' and operation = 'INSERT')
                              or relation || ' ' || lower(operation) = any($2::text[]))
       select relation, lower(operation) as operation, count(*) as count
         from recent where tx not in (select tx from consumers)
        group by relation, operation order by relation, operation`,
      [mark, BACKGROUND_TRANSACTIONS],
    );
    const { rows: newest } = await this.client.query<{ id: string | null }>(
      'select max(id) as id from fuzz_audit.writes where id > $1',
      [mark],
    );
    return {
      writes: rows
        .filter((row) => !ignored.includes(`${row.relation} ${row.operation}`))
        .map((row) => `${row.relation} ${row.operation} ×${row.count}`),
      mark: Math.max(mark, Number(newest[0].id ?? 0)),
    };
  }

  /** Waits until no write has landed for `quietMs` (an accepted request's after-commit work settling). */
  async settle(quietMs = 100, timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let last = await this.mark();
    for (;;) {
      await new Promise((done) => setTimeout(done, quietMs));
      const now = await this.mark();
      if (now === last || Date.now() > deadline) return now;
      last = now;
    }
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
