import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import type { QueueDeclaration } from './job-defaults.js';
import { RedisConnections } from './redis-connections.js';

/** How long shutdown waits for blocking connections in a reconnect backoff to try again (ioredis backs off ≤ 2 s). */
const RECONNECT_BEFORE_CLOSE_MS = 2_500;

/** Every queue this process declared: for Bull Board, metrics, the jobs wiring check and shutdown. */
@Injectable()
export class QueueCatalog implements BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueCatalog.name);
  private readonly queues = new Map<string, Queue>();
  private readonly declared = new Map<string, QueueDeclaration>();

  constructor(private readonly connections: RedisConnections) {}

  add(declaration: QueueDeclaration, queue: Queue): void {
    this.queues.set(declaration.name, queue);
    this.declared.set(declaration.name, declaration);
    queue.on('stalled', (job) =>
      this.logger.warn({ queue: queue.name, jobId: job.id }, 'job stalled and will run again'),
    );
    queue.on('error', (error) => this.logger.error({ queue: queue.name, err: error }, 'queue error'));
  }

  get(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Queue '${name}' is not declared in this process`);
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  /** How each queue was declared (who processes it), for the boot-time wiring check. */
  declarations(): QueueDeclaration[] {
    return [...this.declared.values()];
  }

  async beforeApplicationShutdown(): Promise<void> {
    // All at once, before any module's own shutdown hook: @nestjs/bull would close them one by one
    // (about half a second each, past the grace period with some forty queues), and before
    // RedisConnections quits the connections the queues share.
    await this.connections.settleReconnectingBlockingClients(RECONNECT_BEFORE_CLOSE_MS);
    await Promise.all(this.all().map((queue) => queue.close().catch(() => undefined)));
  }
}
