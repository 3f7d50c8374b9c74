import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '@config';
import { ApiProblems, CurrentUser, Public, type Principal } from '@lib/platform';
import { DecideAdQuery } from '../../application/queries/decide-ad/decide-ad.query.js';
import { AdDecisionResponse, DecisionQueryParams } from './ads.dto.js';

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The anonymous device id: the `X-Device-Id` header, else the `sr_device` cookie. */
function deviceIdOf(request: FastifyRequest): string | null {
  const fromHeader = header(request, 'x-device-id');
  if (fromHeader) return fromHeader;
  const cookie = header(request, 'cookie')
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === 'sr_device');
  return cookie?.[1] ? decodeURIComponent(cookie[1]) : null;
}

@ApiTags('ads')
@Controller('v1/ads')
export class AdsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly config: AppConfig,
  ) {}

  @Get('decision')
  @Public()
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiHeader({
    name: 'X-Device-Id',
    required: false,
    description: 'Anonymous viewers: a stable device id (or the `sr_device` cookie)',
  })
  @ApiOperation({
    summary: 'An ad for a placement, or none',
    description:
      '**Access: public, authentication optional.** `{ad: null}` for viewers whose plan has `ad_free`, when no campaign targets ' +
      'the viewer (country header, User-Agent device, Accept-Language, the video’s category), when every matching creative reached ' +
      'the viewer’s frequency cap (AD_FREQUENCY_CAP per AD_FREQUENCY_WINDOW_HOURS, per person or anonymous device), or when ' +
      'campaigns are out of flight, exhausted or ahead of their pace. Otherwise the creative and a signed, single-use `token`: report ' +
      '`ad_impression` then `ad_click` to `POST /v1/events` with `properties.token`. Anonymous calls need a device id (else 400 ' +
      '`ads.input.invalid`); an unknown placement is 400 `ads.placement.unknown`.',
  })
  @ApiOkResponse({ type: AdDecisionResponse })
  @ApiProblems(400, 401)
  async decide(
    @Query() query: DecisionQueryParams,
    @Req() request: FastifyRequest,
    @CurrentUser() principal?: Principal,
  ): Promise<AdDecisionResponse> {
    const ad = await this.queries.execute(
      new DecideAdQuery(query.placement, query.videoId ?? null, principal?.userId ?? null, deviceIdOf(request), {
        userAgent: header(request, 'user-agent'),
        country: header(request, this.config.insights.countryHeader),
        acceptLanguage: header(request, 'accept-language'),
      }),
    );
    return { ad };
  }
}
