import { Controller, Get, Header, Injectable } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { Public } from '../auth/decorators.js';
import { QueueCatalog } from '../queues/queue-catalog.js';
import { PairHistogram, TripleHistogram } from './labelled-histograms.js';
import { Stopwatch } from './stopwatch.js';

/** Seconds, for the hot paths' own timings: sub-millisecond stages up to a queue's multi-second wait. */
const HOT_PATH_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** A registry per application (not prom-client's global one), so several apps can share a process. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: TripleHistogram<'method', 'route', 'status'>;
  /** Jobs this process ran, by queue and outcome (the queue_jobs gauge counts every worker's). */
  readonly jobsProcessed: Counter<'queue' | 'outcome'>;
  /** Stages of the hot operations that time themselves (a Stopwatch each run). */
  readonly stageDuration: PairHistogram<'operation', 'stage'>;
  /** Socket events the client asked to acknowledge: receipt to acknowledgement, the socket's http duration. */
  readonly socketEventDuration: PairHistogram<'event', 'outcome'>;

  constructor(queues: QueueCatalog, orm: MikroORM) {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new TripleHistogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.stageDuration = new PairHistogram({
      name: 'operation_stage_duration_seconds',
      help: 'Time spent in each stage of a hot operation (e.g. a message send: rate limit, begin, sequence, commit)',
      labelNames: ['operation', 'stage'] as const,
      buckets: HOT_PATH_BUCKETS,
      registers: [this.registry],
    });
    this.socketEventDuration = new PairHistogram({
      name: 'socket_event_duration_seconds',
      help: 'Socket.IO events from receipt to acknowledgement, by event and outcome (ok, or error: a problem in the ack)',
      labelNames: ['event', 'outcome'] as const,
      buckets: HOT_PATH_BUCKETS,
      registers: [this.registry],
    });
    this.jobsProcessed = new Counter({
      name: 'jobs_processed_total',
      help: 'Jobs run by this process, by queue and outcome (completed or failed)',
      labelNames: ['queue', 'outcome'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const queue of queues.all()) {
          const counts: Record<string, number> = { ...(await queue.getJobCounts()) };
          for (const [state, count] of Object.entries(counts)) this.set({ queue: queue.name, state }, count);
        }
      },
    });
    new Gauge({
      name: 'outbox_unpublished_events',
      help: 'Integration events committed but not yet handed to the queues (relay lag)',
      registers: [this.registry],
      async collect() {
        const [row] = await orm.em
          .fork()
          .execute<{ count: string }[]>('select count(*) as count from platform.outbox where published_at is null');
        this.set(Number(row?.count ?? 0));
      },
    });
  }

  /** A Stopwatch whose laps are recorded as `operation`'s stages. */
  stopwatch(operation: string): Stopwatch {
    return new Stopwatch((stage, seconds) => this.stageDuration.observe(operation, stage, seconds));
  }
}

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Prometheus metrics: HTTP durations, queue depths, outbox lag, process stats' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
