import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@lib/platform';
import { ChangeCampaignStatusCommand } from '../../application/commands/change-campaign-status/change-campaign-status.command.js';
import { CreateAdvertiserCommand } from '../../application/commands/create-advertiser/create-advertiser.command.js';
import { CreateCampaignCommand } from '../../application/commands/create-campaign/create-campaign.command.js';
import { CreateCreativeCommand } from '../../application/commands/create-creative/create-creative.command.js';
import { SettleAdRevenueCommand } from '../../application/commands/settle-ad-revenue/settle-ad-revenue.command.js';
import { GetAdMetricsQuery } from '../../application/queries/get-ad-metrics/get-ad-metrics.query.js';
import { ListCampaignsQuery } from '../../application/queries/list-campaigns/list-campaigns.query.js';
import {
  AdMetricsQueryParams,
  AdMetricsResponse,
  AdsCatalogResponse,
  AdvertiserResponse,
  CampaignResponse,
  ChangeCampaignStatusRequest,
  CreateAdvertiserRequest,
  CreateCampaignRequest,
  CreateCreativeRequest,
  CreativeResponse,
  SettlementResponse,
} from './ads.dto.js';

@ApiTags('admin: ads')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/ads')
export class AdminAdsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('advertisers')
  @ApiOperation({ summary: 'Add an advertiser', description: '**Access: admins.**' })
  @ApiCreatedResponse({ type: AdvertiserResponse })
  @ApiProblems(400, 401, 403)
  createAdvertiser(@Body() body: CreateAdvertiserRequest) {
    return this.commands.execute(new CreateAdvertiserCommand(body.name));
  }

  @Get('campaigns')
  @ApiOperation({
    summary: 'Every advertiser and campaign with its creatives and delivery so far',
    description: '**Access: admins.**',
  })
  @ApiOkResponse({ type: AdsCatalogResponse })
  @ApiProblems(401, 403)
  list() {
    return this.queries.execute(new ListCampaignsQuery());
  }

  @Post('campaigns')
  @ApiOperation({
    summary: 'Create a campaign (free-plan viewers only)',
    description:
      '**Access: admins.** Flight dates, CPM in minor units, and at least one bound: `totalBudget`, `dailyBudget` (minor units) ' +
      'or `impressionGoal` (else 400 `ads.campaign.unbounded`); `endsAt` after `startsAt` (else 400 `ads.campaign.invalid-flight`); ' +
      'targeting by country, device, language and video category (400 `ads.input.invalid` on bad values); 404 ' +
      '`ads.advertiser.not-found`. Delivery is paced evenly over the flight (and the day for daily budgets). Viewers whose plan ' +
      'has `ad_free` never get ads.',
  })
  @ApiCreatedResponse({ type: CampaignResponse })
  @ApiProblems(400, 401, 403, 404)
  createCampaign(@Body() body: CreateCampaignRequest) {
    return this.commands.execute(
      new CreateCampaignCommand({
        advertiserId: body.advertiserId.toLowerCase(),
        name: body.name.trim(),
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        currency: body.currency,
        cpm: body.cpm,
        totalBudget: body.totalBudget ?? null,
        dailyBudget: body.dailyBudget ?? null,
        impressionGoal: body.impressionGoal ?? null,
        targeting: body.targeting ?? {},
      }),
    );
  }

  @Put('campaigns/:id/status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pause or resume a campaign',
    description: '**Access: admins.** Every node applies it on its next decision. 404 `ads.campaign.not-found`.',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @ApiProblems(400, 401, 403, 404)
  changeStatus(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeCampaignStatusRequest) {
    return this.commands.execute(new ChangeCampaignStatusCommand(id.toLowerCase(), body.status));
  }

  @Post('campaigns/:id/creatives')
  @ApiOperation({
    summary: 'Add a creative to a campaign',
    description:
      '**Access: admins.** `preroll`: a studio `videoId` whose media went through the pipeline (else 422 ' +
      '`ads.creative.video-not-ready`); `leaderboard`, `rectangle`, `mobile_banner`: an https `imageUrl`. Mixing them is 400 ' +
      '`ads.creative.media-mismatch`; a click or image URL that is not https is 400 `ads.creative.insecure-url`.',
  })
  @ApiCreatedResponse({ type: CreativeResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  createCreative(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateCreativeRequest) {
    return this.commands.execute(
      new CreateCreativeCommand(id.toLowerCase(), {
        placement: body.placement,
        clickUrl: body.clickUrl,
        videoId: body.videoId ?? null,
        imageUrl: body.imageUrl ?? null,
      }),
    );
  }

  @Get('metrics')
  @ApiOperation({
    summary: 'Ad metrics per campaign, creative, placement or day',
    description:
      '**Access: admins.** Requests, decisions, impressions, clicks, CTR, spend (minor units), RPM (per 1,000 requests) and fill ' +
      'rate over UTC days [from, to] (at most 92; else 400 `ads.input.invalid`).',
  })
  @ApiOkResponse({ type: AdMetricsResponse })
  @ApiProblems(400, 401, 403)
  metrics(@Query() query: AdMetricsQueryParams) {
    return this.queries.execute(
      new GetAdMetricsQuery(query.from, query.to, query.groupBy ?? 'campaign', query.campaignId?.toLowerCase()),
    );
  }

  @Post('settlements')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Settle creators’ ad revenue shares now',
    description:
      '**Access: admins.** What the hourly job does: every unsettled impression on a creator’s video is grouped per creator and ' +
      'currency; each settlement publishes `ads.revenue-shared.v1` (billing records the share in the creator ledger).',
  })
  @ApiOkResponse({ type: [SettlementResponse] })
  @ApiProblems(401, 403)
  settle() {
    return this.commands.execute(new SettleAdRevenueCommand());
  }
}
