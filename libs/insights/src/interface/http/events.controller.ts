import { Body, Controller, HttpCode, HttpException, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '@config';
import { ApiProblems, CurrentUser, Public, ValidationFailedException, type Principal } from '@lib/platform';
import {
  IngestEventsCommand,
  type IngestionResult,
} from '../../application/commands/ingest-events/ingest-events.command.js';
import { EventBatchRequest, EventBatchResponse } from './insights.dto.js';

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** `{ events: [...] }` and nothing else, with the platform's validation problem otherwise. */
function batchOf(body: Record<string, unknown> | undefined): unknown[] {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ValidationFailedException([{ field: 'events', messages: ['events must be an array'] }]);
  const unknown = Object.keys(body).filter((key) => key !== 'events');
  if (unknown.length)
    throw new ValidationFailedException(
      unknown.map((field) => ({ field, messages: [`property ${field} should not exist`] })),
    );
  if (!Array.isArray(body.events))
    throw new ValidationFailedException([{ field: 'events', messages: ['events must be an array'] }]);
  return body.events;
}

@ApiTags('insights')
@Controller('v1/events')
export class EventsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  // Public with optional authentication: `{}` lets anonymous players in, a bearer token names the viewer.
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Track a batch of client events (public: anonymous, or as the bearer token’s user)',
    description:
      '**Access: public, authentication optional.** Without a token the events are anonymous and counted under their `sessionId`; ' +
      'with a bearer token (an invalid one is 401) they are the token’s user’s. A caller cannot claim anything else: the user comes ' +
      'only from the token, a video’s channel and creator only from studio (a `properties.channelId` is stored as sent and never ' +
      'attributes views to a channel), domain-only names such as `payment` are refused, and country, device and OS come from the request. ' +
      'Idempotent on `eventId`: the answer comes only after the events are durably stored, so a client retries until it gets a 2xx and ' +
      'a retried batch is never counted twice. Context is taken from the request (User-Agent → device and OS, country header, Referer) ' +
      'and from `properties` (`referrer`, `url`, `utm_*`). Bots (by User-Agent) are filtered. Video events: `video_start`, ' +
      '`video_progress` (heartbeat with `position`, optional `duration` used only while studio knows none, optional `elapsed` seconds), `video_complete`. ' +
      'Recommendations and experiments (docs/adr/0045): `recommendation_impression` `{impressionId, surface, videoIds}` and ' +
      '`experiment_exposure` `{experimentId, arm, impressionId, surface, videoIds}` when a list is actually shown — an exposure is refused ' +
      '(`insights.event.arm-mismatch`, `insights.event.unknown-experiment`) unless its experiment runs on that surface and the arm is the ' +
      'viewer’s own assignment (the token’s user, else the `sessionId`); one per `impressionId`. Conversions: `recommendation_click` ' +
      '(`videoId` + `properties.impressionId`), and `video_start` / `video_complete` carrying `properties.impressionId`; they count only ' +
      'for an impression of the same viewer that showed the video, within 7 days (others are stored as plain events and attribute nothing).',
  })
  @ApiBody({ type: EventBatchRequest })
  @ApiOkResponse({ type: EventBatchResponse })
  @ApiProblems(400, 401, 413)
  // The body is checked here, not by the global pipe: copying 500 events into DTO instances only to validate
  // each one again below costs the hot path most of its CPU.
  async track(
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @CurrentUser() principal?: Principal,
  ): Promise<IngestionResult> {
    const events = batchOf(body);
    if (events.length > this.config.insights.maxBatch) {
      throw new HttpException(
        {
          code: 'insights.batch.too-large',
          message: `A batch holds at most ${this.config.insights.maxBatch} events (got ${events.length})`,
        },
        413,
      );
    }
    return this.commands.execute(
      new IngestEventsCommand(events, principal?.userId ?? null, {
        userAgent: header(request, 'user-agent'),
        country: header(request, this.config.insights.countryHeader),
        referer: header(request, 'referer'),
      }),
    );
  }
}
