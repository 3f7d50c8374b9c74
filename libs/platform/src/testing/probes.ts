import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { QueueCatalog } from '../queues/queue-catalog.js';
import { eventually } from './eventually.js';

/** A running application, or a test app holding one. */
export type ProbedApp = INestApplicationContext | { app: INestApplicationContext };

const contextOf = (probed: ProbedApp): INestApplicationContext => ('get' in probed ? probed : probed.app);

async function query<T>(probed: ProbedApp, sql: string, params: unknown[]): Promise<T[]> {
  return contextOf(probed).get(MikroORM, { strict: false }).em.fork().execute<T[]>(sql, params);
}

/** Ids of the outbox events of `type` whose payload contains `payload` (JSON containment), oldest first. */
export async function outboxEventIds(
  probed: ProbedApp,
  type: string,
  payload: Record<string, unknown> = {},
): Promise<string[]> {
  const rows = await query<{ id: string }>(
    probed,
    'select id from platform.outbox where type = ? and payload @> ?::jsonb order by id',
    [type, JSON.stringify(payload)],
  );
  return rows.map((row) => row.id);
}

/**
 * Waits until `consumer` is done with event `eventId`: its Bull job `<eventId>:<consumer>` completed,
 * so its transaction committed and its after-commit effects (pushes, mail) ran. Use it before
 * asserting that an event caused nothing: the absence then means something.
 */
export async function consumed(
  probed: ProbedApp,
  eventId: string,
  consumer: string,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const queue = contextOf(probed).get(QueueCatalog, { strict: false }).get(consumer);
  await eventually(
    async () => {
      const job = await queue.getJob(`${eventId}:${consumer}`);
      if (job) {
        const state = await job.getState();
        if (state !== 'completed') throw new Error(`event ${eventId} is '${state}' for ${consumer}`);
        return;
      }
      // No job: not relayed yet, or completed and already pruned (then its inbox row is there).
      const inbox = await query(probed, 'select 1 from platform.inbox where event_id = ? and consumer = ?', [
        eventId,
        consumer,
      ]);
      if (!inbox.length) throw new Error(`event ${eventId} has not reached ${consumer}`);
    },
    { timeoutMs: options.timeoutMs ?? 15_000 },
  );
}

/**
 * Waits until every outbox event of `type` whose payload contains `payload` (at least `atLeast` of
 * them) has been consumed by `consumer`; returns their ids.
 */
export async function eventsConsumed(
  probed: ProbedApp,
  consumer: string,
  event: { type: string; payload?: Record<string, unknown>; atLeast?: number },
  options: { timeoutMs?: number } = {},
): Promise<string[]> {
  const ids = await eventually(
    async () => {
      const found = await outboxEventIds(probed, event.type, event.payload);
      if (found.length < (event.atLeast ?? 1))
        throw new Error(`${found.length} '${event.type}' events in the outbox, expected ${event.atLeast ?? 1}`);
      return found;
    },
    { timeoutMs: options.timeoutMs ?? 15_000 },
  );
  for (const id of ids) await consumed(probed, id, consumer, options);
  return ids;
}

/** Waits until a queue has nothing waiting, running or delayed (a chain of jobs has run out). */
export async function queueSettled(
  probed: ProbedApp,
  queueName: string,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const queue = contextOf(probed).get(QueueCatalog, { strict: false }).get(queueName);
  await eventually(
    async () => {
      const counts = await queue.getJobCounts();
      const pending = counts.waiting + counts.active + counts.delayed;
      if (pending) throw new Error(`queue ${queueName} still has ${pending} jobs pending`);
    },
    { timeoutMs: options.timeoutMs ?? 15_000 },
  );
}
