import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators.js';
import { RedisConnections } from '../queues/redis-connections.js';
import { SearchIndex } from '../search/search-index.js';
import { ShutdownState } from '../http/http-drain.js';

type CheckResult = { status: 'up' | 'down'; latencyMs: number; error?: string };

async function timed(check: () => Promise<unknown>, timeoutMs = 2_000): Promise<CheckResult> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

class DependencyCheckResponse {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty() latencyMs!: number;
  @ApiPropertyOptional({ description: 'Why the check failed' }) error?: string;
  @ApiPropertyOptional({ description: 'search only: `postgres` or `elasticsearch`' }) adapter?: string;
}

class DependencyChecksResponse {
  @ApiProperty() postgres!: DependencyCheckResponse;
  @ApiProperty() redis!: DependencyCheckResponse;
  @ApiProperty() search!: DependencyCheckResponse;
}

class ReadinessResponse {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: 'ok' | 'unavailable';
  @ApiPropertyOptional({ description: 'true while this node shuts down (it answers 503 whatever the checks say)' })
  draining?: boolean;
  @ApiProperty() checks!: DependencyChecksResponse;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly orm: MikroORM,
    private readonly redis: RedisConnections,
    private readonly search: SearchIndex,
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process is up (for restarts): no dependency is checked. */
  @Public()
  @Get('live')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The process answers', type: LivenessResponse })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready to serve (for load balancers): PostgreSQL, Redis and the search index all answer. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ description: 'Every dependency answers', type: ReadinessResponse })
  @ApiServiceUnavailableResponse({
    description: 'At least one dependency is down (see `checks`), or the node is shutting down (`draining`)',
    type: ReadinessResponse,
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis, search] = await Promise.all([
      timed(() => this.orm.em.fork().execute('select 1')),
      timed(() => this.redis.commands().ping()),
      timed(() => this.search.ping()),
    ]);
    const checks = { postgres, redis, search: { ...search, adapter: this.search.kind } };
    const draining = this.shutdown.draining;
    const ok = !draining && [postgres, redis, search].every((check) => check.status === 'up');
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', ...(draining ? { draining } : {}), checks };
  }
}
