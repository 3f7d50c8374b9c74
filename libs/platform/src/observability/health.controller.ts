import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators.js';
import { HealthChecks } from './health-checks.js';

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
  constructor(private readonly checks: HealthChecks) {}

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
    const readiness = await this.checks.readiness();
    void reply.status(readiness.status === 'ok' ? 200 : 503);
    return readiness;
  }
}
