import { Injectable, Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import type { Job } from 'bull';
import { IsInt, IsUUID } from 'class-validator';
import pg from 'pg';
import type { AppConfig } from '@config';
import { AggregateRoot, DomainEvent, newId } from '@lib/platform/ddd';
import { PersistenceModule } from '../persistence/persistence.module.js';
import { PlatformModule } from '../platform.module.js';
import { QueueCatalog } from '../queues/queue-catalog.js';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.js';
import { startTestContext } from '../testing/test-app.js';
import { eventually } from '../testing/eventually.js';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from './consumer.js';
import { MessagingConfigurationError } from './errors.js';
import { IntegrationEvent, type IntegrationEventEnvelope } from './integration-event.js';
import { MessagingRegistry } from './messaging-registry.js';
import { MessagingModule } from './messaging.module.js';
import { OutboundEventMap } from './outbound-event-map.js';
import { SqlOutbox } from './outbox/sql-outbox.js';
import { UnitOfWork } from '../persistence/unit-of-work.js';
import { BoundSql } from '../persistence/bound-sql.js';
import { ConsumerRunner } from './relay/consumer-runner.js';
import { OutboxRelay } from './relay/outbox-relay.js';

// A tiny context of its own: a counter whose increments leave the context as integration events.
class CounterIncremented extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly value: number,
  ) {
    super();
  }
}

class Counter extends AggregateRoot {
  readonly id = newId();
  value = 0;

  increment(): void {
    this.value++;
    this.record(new CounterIncremented(this.id, this.value));
  }
}

class CounterIncrementedV1 extends IntegrationEvent {
  static override readonly type = 'testing.counter-incremented.v1';
  @IsUUID() readonly counterId!: string;
  @IsInt() readonly value!: number;

  constructor(payload: CounterIncrementedV1) {
    super();
    Object.assign(this, payload);
  }
}

class NobodyPublishesThisV1 extends IntegrationEvent {
  static override readonly type = 'testing.nobody-publishes-this.v1';
}

const CounterSchema = new EntitySchema<Counter>({
  class: Counter,
  schema: 'testing',
  tableName: 'counters',
  properties: {
    id: { type: 'uuid', primary: true },
    value: { type: 'integer' },
    version: { type: 'integer', version: true },
  },
});

/** Each delivery inserts a row: a duplicated effect would show as a second row. */
@Injectable()
@IntegrationEventConsumer({ name: 'testing.record-effect', on: [CounterIncrementedV1], attempts: 3 })
class RecordEffect implements EventConsumer<CounterIncrementedV1> {
  static failuresToInject = 0;

  async handle({ event, envelope, em }: ConsumerContext<CounterIncrementedV1>): Promise<void> {
    await em.execute('insert into testing.effects (event_id, counter_id, value) values (?, ?, ?)', [
      envelope.id,
      event.counterId,
      event.value,
    ]);
    if (RecordEffect.failuresToInject > 0) {
      RecordEffect.failuresToInject--;
      throw new Error('injected failure after the effect was written');
    }
  }
}

@Injectable()
@IntegrationEventConsumer({ name: 'testing.misconfigured', on: [NobodyPublishesThisV1] })
class MisconfiguredConsumer implements EventConsumer<NobodyPublishesThisV1> {
  async handle(): Promise<void> {}
}

const outbound = new OutboundEventMap().on(
  CounterIncremented,
  (event) => new CounterIncrementedV1({ counterId: event.aggregateId, value: event.value }),
);

@Module({
  imports: [
    PersistenceModule.forFeature([CounterSchema]),
    MessagingModule.forContext({ publishes: [CounterIncrementedV1], outbound, consumers: [RecordEffect] }),
  ],
  providers: [RecordEffect],
})
class CountingContextModule {}

const processWith =
  (options: { worker: boolean }) =>
  (config: AppConfig): DynamicModule => ({
    module: class TestRoot {},
    imports: [PlatformModule.forRoot({ config, http: false, worker: options.worker }), CountingContextModule],
  });

describe('transactional outbox, relay and inbox', () => {
  let runtime: TestRuntime;
  let db: pg.Client;

  const effects = async (counterId: string) =>
    (await db.query('select event_id, value from testing.effects where counter_id = $1 order by value', [counterId]))
      .rows;
  const outboxRows = async (counterId: string) =>
    (
      await db.query(
        'select id, type, aggregate_version, published_at, payload from platform.outbox where aggregate_id = $1 order by id',
        [counterId],
      )
    ).rows;

  async function incrementTimes(app: INestApplicationContext, times: number): Promise<string> {
    const counter = new Counter();
    const em = app.get(MikroORM).em.fork();
    for (let i = 0; i < times; i++) {
      counter.increment();
      await em.persist(counter).flush();
    }
    return counter.id;
  }

  beforeAll(async () => {
    runtime = await createTestRuntime({ OUTBOX_POLL_INTERVAL_MS: '50' });
    db = new pg.Client({ connectionString: runtime.database.url });
    await db.connect();
    await db.query(`
      create schema testing;
      create table testing.counters (id uuid primary key, value integer not null, version integer not null default 1);
      create table testing.effects (event_id uuid not null, counter_id uuid not null, value integer not null);`);
  });

  afterAll(async () => {
    await db.end();
    await runtime.dispose();
  });

  it('writes the outbox row in the same transaction as the aggregate, with its version', async () => {
    const app = await startTestContext(processWith({ worker: false }), runtime);
    try {
      const id = await incrementTimes(app, 2);
      const rows = await outboxRows(id);
      expect(rows.map((r) => [r.type, r.aggregate_version, r.payload.value])).toEqual([
        ['testing.counter-incremented.v1', 1, 1],
        ['testing.counter-incremented.v1', 2, 2],
      ]);
      expect(rows.every((r) => r.published_at === null)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('writes no outbox row when the aggregate’s transaction rolls back', async () => {
    const app = await startTestContext(processWith({ worker: false }), runtime);
    try {
      const counter = new Counter();
      const em = app.get(MikroORM).em.fork();
      await expect(
        em.transactional(async (tx) => {
          counter.increment();
          await tx.persist(counter).flush();
          throw new Error('the use case fails after saving');
        }),
      ).rejects.toThrow('the use case fails after saving');
      expect(await outboxRows(counter.id)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('writes the same rows for an aggregate saved with hand-written SQL, on its transaction or in its statement (SqlOutbox)', async () => {
    const app = await startTestContext(processWith({ worker: false }), runtime);
    try {
      const [unitOfWork, sql, outbox] = [app.get(UnitOfWork), app.get(BoundSql), app.get(SqlOutbox)];
      const counter = new Counter();
      counter.increment();
      counter.increment();
      await unitOfWork.transactional(async () => {
        await sql.execute('insert into testing.counters (id, value) values (?, ?)', [counter.id, counter.value]);
        await outbox.append(counter, 1);
      });
      const rows = await outboxRows(counter.id);
      expect(rows.map((r) => [r.type, r.aggregate_version, r.payload])).toEqual([
        ['testing.counter-incremented.v1', 1, { counterId: counter.id, value: 1 }],
        ['testing.counter-incremented.v1', 1, { counterId: counter.id, value: 2 }],
      ]);
      expect(counter.hasPendingEvents()).toBe(false);

      // Rolled back with the transaction that wrote the aggregate.
      const dropped = new Counter();
      dropped.increment();
      await expect(
        unitOfWork.transactional(async () => {
          await outbox.append(dropped, 1);
          throw new Error('the use case fails after saving');
        }),
      ).rejects.toThrow('the use case fails after saving');
      expect(await outboxRows(dropped.id)).toEqual([]);

      // Outside a unit of work the rows would commit on their own: refused, nothing written, events kept.
      const loose = new Counter();
      loose.increment();
      await expect(outbox.append(loose, 1)).rejects.toThrow(/inside a unit of work/);
      expect(loose.hasPendingEvents()).toBe(true);
      expect(await outboxRows(loose.id)).toEqual([]);

      // Or inside the aggregate's own statement, as a CTE: one statement commits or fails as a whole.
      const insertWithEvents = async (aggregate: Counter) => {
        const insert = outbox.insertOf(aggregate, 1)!;
        await sql.execute(`with outbox as (${insert.sql}) insert into testing.counters (id, value) values (?, ?)`, [
          ...insert.params,
          aggregate.id,
          aggregate.value,
        ]);
      };
      await insertWithEvents(loose);
      expect((await outboxRows(loose.id)).map((r) => r.payload)).toEqual([{ counterId: loose.id, value: 1 }]);
      const twin = Object.assign(new Counter(), { id: loose.id });
      twin.increment();
      await expect(insertWithEvents(twin)).rejects.toThrow(/duplicate key/);
      expect(await outboxRows(loose.id)).toHaveLength(1);
      expect(outbox.insertOf(new Counter(), 1)).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('loses nothing when the process stops between the commit and the relay', async () => {
    // The API commits and "crashes" before any relay has seen the row...
    const api = await startTestContext(processWith({ worker: false }), runtime);
    const id = await incrementTimes(api, 3);
    await api.close();
    expect((await outboxRows(id)).every((r) => r.published_at === null)).toBe(true);

    // ...and a worker started later delivers every event exactly once.
    const worker = await startTestContext(processWith({ worker: true }), runtime);
    try {
      await eventually(async () => expect((await effects(id)).map((e) => e.value)).toEqual([1, 2, 3]));
      expect((await outboxRows(id)).every((r) => r.published_at !== null)).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it('relays a commit notified while a batch is running at once, not at the next poll', async () => {
    // A poll a minute away: only the notification can deliver the second commit in time.
    const slowPoll = await createTestRuntime({ OUTBOX_POLL_INTERVAL_MS: '60000' }, runtime.database);
    const worker = await startTestContext(processWith({ worker: true }), slowPoll);
    // The relay's batch is held in its closing update for a while, so the second commit lands during it.
    await db.query(`
      create function testing.slow_publish() returns trigger language plpgsql as $$
        begin perform pg_sleep(0.5); return new; end $$;
      create trigger slow_publish before update on platform.outbox for each row execute function testing.slow_publish();`);
    try {
      const activity = async (query: string) =>
        (await db.query(`select state from pg_stat_activity where query like $1`, [query])).rows;
      await eventually(async () => expect(await activity('listen platform_outbox')).toEqual([{ state: 'idle' }]));
      const first = await incrementTimes(worker, 1);
      await eventually(
        async () => expect(await activity('update platform.outbox set published_at%')).toEqual([{ state: 'active' }]),
        { intervalMs: 5 },
      );
      const second = await incrementTimes(worker, 1);
      await eventually(async () => expect(await effects(first)).toHaveLength(1));
      await eventually(async () => expect(await effects(second)).toHaveLength(1), { timeoutMs: 5_000 });
    } finally {
      await db.query('drop trigger slow_publish on platform.outbox; drop function testing.slow_publish()');
      await worker.close();
      await slowPoll.dispose();
    }
  });

  it('changes nothing when the relay hands the same events to the queue again', async () => {
    const worker = await startTestContext(processWith({ worker: true }), runtime);
    try {
      const id = await incrementTimes(worker, 2);
      await eventually(async () => expect(await effects(id)).toHaveLength(2));

      // As if the relay's commit had been lost after the jobs were added: the rows are relayed again.
      await db.query('update platform.outbox set published_at = null where aggregate_id = $1', [id]);
      await eventually(async () => expect((await outboxRows(id)).every((r) => r.published_at !== null)).toBe(true));
      // Bull may drop retained job ids; force fresh job ids so only the inbox stands in the way.
      const queue = worker.get(QueueCatalog).get('testing.record-effect');
      for (const row of await outboxRows(id)) {
        const envelope: IntegrationEventEnvelope = {
          id: row.id,
          type: row.type,
          occurredAt: new Date().toISOString(),
          aggregateId: id,
          aggregateVersion: row.aggregate_version,
          payload: row.payload,
        };
        await queue.add(envelope, { jobId: `${row.id}:redelivery` });
      }
      await eventually(async () => expect(await queue.getJobCounts()).toMatchObject({ waiting: 0, active: 0 }));
      expect(await effects(id)).toHaveLength(2);
    } finally {
      await worker.close();
    }
  });

  it('applies an effect once when two deliveries of one event race each other', async () => {
    const worker = await startTestContext(processWith({ worker: true }), runtime);
    try {
      const id = await incrementTimes(worker, 1);
      await eventually(async () => expect(await effects(id)).toHaveLength(1));
      const [row] = await outboxRows(id);
      const runner = worker.get(ConsumerRunner);
      const [consumer] = worker.get(MessagingRegistry).allConsumers();
      const instance = worker.get(RecordEffect);
      const envelope = {
        id: row.id,
        type: row.type,
        occurredAt: '',
        aggregateId: id,
        aggregateVersion: 1,
        payload: row.payload,
      };
      const job = { data: envelope, discard: async () => undefined } as unknown as Job<IntegrationEventEnvelope>;
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => runner.deliver(consumer, instance, job)));
      expect(outcomes.every((o) => o === 'duplicate')).toBe(true);
      expect(await effects(id)).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });

  it('retries a consumer that fails after writing, keeping only the successful attempt’s effect', async () => {
    const worker = await startTestContext(processWith({ worker: true }), runtime);
    try {
      RecordEffect.failuresToInject = 1;
      const id = await incrementTimes(worker, 1);
      await eventually(async () => expect(await effects(id)).toHaveLength(1), { timeoutMs: 15_000 });
      expect(RecordEffect.failuresToInject).toBe(0);
      const rows = await db.query('select count(*)::int as n from platform.inbox where event_id = $1', [
        (await outboxRows(id))[0].id,
      ]);
      expect(rows.rows[0].n).toBe(1);
    } finally {
      RecordEffect.failuresToInject = 0;
      await worker.close();
    }
  });

  it('refuses to boot when a consumer listens to an event no context publishes', async () => {
    @Module({
      imports: [MessagingModule.forContext({ consumers: [MisconfiguredConsumer] })],
      providers: [MisconfiguredConsumer],
    })
    class BrokenContextModule {}
    const build = (config: AppConfig): DynamicModule => ({
      module: class BrokenRoot {},
      imports: [PlatformModule.forRoot({ config, http: false, worker: true }), BrokenContextModule],
    });
    await expect(startTestContext(build, runtime)).rejects.toThrow(MessagingConfigurationError);
    await expect(startTestContext(build, runtime)).rejects.toThrow(/testing\.nobody-publishes-this\.v1/);
  });

  it('relays in id order and leaves nothing unpublished once the worker is idle', async () => {
    const worker = await startTestContext(processWith({ worker: true }), runtime);
    try {
      const ids = await Promise.all(Array.from({ length: 20 }, () => incrementTimes(worker, 1)));
      await eventually(async () => {
        const { rows } = await db.query('select count(*)::int as n from testing.effects where counter_id = any($1)', [
          ids,
        ]);
        expect(rows[0].n).toBe(20);
      });
      await worker.get(OutboxRelay).relayBatch();
      const { rows } = await db.query('select count(*)::int as n from platform.outbox where published_at is null');
      expect(rows[0].n).toBe(0);
    } finally {
      await worker.close();
    }
  });
});
