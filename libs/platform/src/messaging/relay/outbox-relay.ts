import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { JobOptions } from 'bull';
import pg from 'pg';
import { AppConfig } from '@config';
import { QueueCatalog } from '../../queues/queue-catalog.js';
import type { IntegrationEventEnvelope } from '../integration-event.js';
import { MessagingRegistry } from '../messaging-registry.js';

interface OutboxRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  aggregate_id: string | null;
  aggregate_version: number | null;
  occurred_at: Date;
}

/**
 * Moves committed outbox rows to Bull: one job per (event, consumer) with job id `<eventId>:<consumer>`,
 * then marks the rows published, all inside one transaction holding the rows' locks. A crash after
 * the jobs were added but before the commit re-adds them later: Bull ignores a job id it already
 * holds, and the inbox absorbs anything that still gets through twice.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  /** Ends the current sleep (shutdown, or an insert's notification while the relay waits for one). */
  private wake?: () => void;
  /** A notification that came while a batch was running: the next sleep returns at once instead of losing it. */
  private notified = false;
  private listener?: pg.Client;
  private lastPrune = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly registry: MessagingRegistry,
    private readonly queues: QueueCatalog,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays one batch; returns how many outbox rows it published. */
  async relayBatch(): Promise<number> {
    return this.orm.em.fork().transactional(async (em) => {
      const rows = await em.execute<OutboxRow[]>(
        `select id, type, payload, aggregate_id, aggregate_version, occurred_at
           from platform.outbox
          where published_at is null
          order by id
          limit ?
          for update skip locked`,
        [this.config.outbox.batchSize],
      );
      if (!rows.length) return 0;
      const jobsByQueue = new Map<string, { data: IntegrationEventEnvelope; opts: JobOptions }[]>();
      for (const row of rows) {
        const envelope: IntegrationEventEnvelope = {
          id: row.id,
          type: row.type,
          occurredAt: new Date(row.occurred_at).toISOString(),
          aggregateId: row.aggregate_id,
          aggregateVersion: row.aggregate_version,
          payload: row.payload,
        };
        for (const consumer of this.registry.consumersOf(row.type)) {
          const jobs = jobsByQueue.get(consumer.options.name) ?? [];
          jobs.push({
            data: envelope,
            opts: {
              jobId: `${row.id}:${consumer.options.name}`,
              attempts: consumer.options.attempts,
              timeout: consumer.options.timeoutMs,
            },
          });
          jobsByQueue.set(consumer.options.name, jobs);
        }
      }
      // One round trip per queue; a job id Bull already holds is skipped, as with single adds.
      await Promise.all([...jobsByQueue].map(([queue, jobs]) => this.queues.get(queue).addBulk(jobs)));
      await em.execute('update platform.outbox set published_at = now() where id in (?)', [rows.map((row) => row.id)]);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    await this.listen();
    let failures = 0;
    while (this.running) {
      try {
        const relayed = await this.relayBatch();
        failures = 0;
        await this.pruneOccasionally();
        if (relayed === this.config.outbox.batchSize) continue; // more are waiting
        await this.sleep(this.config.outbox.pollIntervalMs);
      } catch (error) {
        failures++;
        this.logger.error({ err: error }, 'outbox relay failed; the rows stay unpublished and are retried');
        await this.sleep(Math.min(30_000, 250 * 2 ** failures));
      }
    }
  }

  /** LISTEN makes the relay react within milliseconds of a commit; polling remains the safety net. */
  private async listen(): Promise<void> {
    try {
      this.listener = new pg.Client({ connectionString: this.config.database.url });
      this.listener.on('error', (error) => {
        if (!this.running) return;
        this.logger.warn({ err: error }, 'outbox listener lost; polling until it reconnects');
        void this.listener?.end().catch(() => undefined);
        setTimeout(() => void (this.running && this.listen()), 5_000).unref();
      });
      this.listener.on('notification', () => {
        if (this.wake) this.wake();
        else this.notified = true;
      });
      await this.listener.connect();
      await this.listener.query('listen platform_outbox');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not LISTEN for outbox inserts; polling only');
    }
  }

  /** Waits `ms`, or less: shutdown or an insert's notification ends the sleep, and one noticed meanwhile skips it. */
  private sleep(ms: number): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** Published rows and old inbox entries are kept a week for audit and replay, then dropped. */
  private async pruneOccasionally(): Promise<void> {
    if (Date.now() - this.lastPrune < 3_600_000) return;
    this.lastPrune = Date.now();
    const em = this.orm.em.fork();
    await em.execute(`delete from platform.outbox where published_at < now() - interval '7 days'`);
    await em.execute(`delete from platform.inbox where processed_at < now() - interval '30 days'`);
  }
}
