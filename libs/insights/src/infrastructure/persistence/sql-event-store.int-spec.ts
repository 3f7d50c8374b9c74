import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '@lib/platform';
import { createTestDatabase, type TestDatabase } from '@lib/platform/testing';
import { domainEventRow } from '../../application/reactions/domain-event-row.js';
import { EVENT_COLUMNS, SqlEventStore } from './sql-event-store.js';

/** The batch statement binds its rows as one array-of-rows parameter: what it stores, where, and in whose transaction. */
describe('SqlEventStore.append', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let store: SqlEventStore;

  const event = (properties: Record<string, unknown> = {}, occurredAt = new Date()) =>
    domainEventRow({ eventId: randomUUID(), name: 'signup', occurredAt, userId: randomUUID(), properties });
  const stored = async (ids: string[]) =>
    orm.em
      .fork()
      .execute<Array<{ event_id: string; properties: Record<string, unknown> }>>(
        `select event_id, properties from insights.events where event_id in (${ids.map(() => '?').join(', ')})`,
        ids,
      );

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await MikroORM.init(ormOptions({ databaseUrl: database.url, poolMax: 4 }));
    store = new SqlEventStore(orm.em);
  });
  afterAll(async () => {
    await orm.close(true);
    await database.drop();
  });

  it('stores values exactly as sent, whatever characters they hold, and each id once', async () => {
    const properties = {
      text: `it's $1 ? ?? \\ "quoted" \u00e9\u{1F3AC} -- ; drop table x`,
      nested: { n: 1.5, list: [null, true] },
    };
    const batch = [event(properties), event()];
    expect(await store.append(batch)).toEqual(new Set(batch.map((e) => e.eventId)));
    expect(await store.append(batch)).toEqual(new Set()); // a replayed batch writes nothing
    const rows = await stored(batch.map((e) => e.eventId));
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.event_id === batch[0].eventId)?.properties).toEqual(properties);
  });

  it('stores text columns exactly: quotes, backslashes, parentheses, commas, spaces, empty strings, NULL', async () => {
    const hostile = [
      'a,b',
      '"(x)"',
      'back\\slash \\" end',
      '  padded  ',
      '',
      '{"json":"not"}',
      'NULL',
      '\t\n',
      'C:\\dir',
    ];
    const batch = hostile.map((text, i) => ({
      ...event({ text }),
      name: text,
      sessionId: `s${i} ${text}`,
      referrer: text,
      utmCampaign: i % 2 ? null : text,
      watchSeconds: 0.125,
      positionPct: i,
    }));
    expect(await store.append(batch)).toEqual(new Set(batch.map((e) => e.eventId)));
    const rows = await orm.em
      .fork()
      .execute<
        Array<{ event_id: string; name: string; session_id: string; referrer: string; utm_campaign: string | null }>
      >(
        `select event_id, name, session_id, referrer, utm_campaign, properties, watch_seconds, position_pct
           from insights.events where event_id = any(?::uuid[])`,
        [`{${batch.map((e) => e.eventId).join(',')}}`],
      );
    for (const sent of batch)
      expect(rows.find((row) => row.event_id === sent.eventId)).toEqual({
        event_id: sent.eventId,
        name: sent.name,
        session_id: sent.sessionId,
        referrer: sent.referrer,
        utm_campaign: sent.utmCampaign,
        properties: sent.properties,
        watch_seconds: 0.125,
        position_pct: sent.positionPct,
      });
  });

  it('lists the columns in the table’s order (the batch is read positionally as insights.events rows)', async () => {
    const columns = await orm.em.fork().execute<Array<{ name: string }>>(
      `select attname as name from pg_attribute where attrelid = 'insights.events'::regclass and attnum > 0 and not attisdropped
        order by attnum`,
    );
    expect(columns.map((c) => c.name)).toEqual([...EVENT_COLUMNS]);
  });

  it('writes inside the caller’s transaction: rolled back with it', async () => {
    const kept = event();
    const dropped = event();
    await orm.em.fork().transactional(async () => {
      await store.append([kept]);
    });
    await expect(
      orm.em.fork().transactional(async () => {
        await store.append([dropped]);
        throw new Error('the consumer failed after appending');
      }),
    ).rejects.toThrow('the consumer failed');
    expect((await stored([kept.eventId, dropped.eventId])).map((row) => row.event_id)).toEqual([kept.eventId]);
  });

  it('creates a missing daily partition and retries the batch', async () => {
    const far = event({}, new Date(Date.now() + 200 * 86_400_000));
    expect(await store.append([far])).toEqual(new Set([far.eventId]));
    expect(await stored([far.eventId])).toHaveLength(1);
  });
});
