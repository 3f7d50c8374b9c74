import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@lib/platform';
import { ArchiveCampaignCommand } from '../../application/commands/archive-campaign/archive-campaign.command.js';
import { ArchiveCreativeCommand } from '../../application/commands/archive-creative/archive-creative.command.js';
import { ChangeCampaignStatusCommand } from '../../application/commands/change-campaign-status/change-campaign-status.command.js';
import { CreateAdvertiserCommand } from '../../application/commands/create-advertiser/create-advertiser.command.js';
import { CreateCampaignCommand } from '../../application/commands/create-campaign/create-campaign.command.js';
import { CreateCreativeCommand } from '../../application/commands/create-creative/create-creative.command.js';
import { SettleAdRevenueCommand } from '../../application/commands/settle-ad-revenue/settle-ad-revenue.command.js';
import { UpdateCampaignCommand } from '../../application/commands/update-campaign/update-campaign.command.js';
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
  ListCampaignsParams,
  SettlementResponse,
  UpdateCampaignRequest,
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
    description: '**Access: admins.** Archived campaigns and creatives only with `includeArchived=true`.',
  })
  @ApiOkResponse({ type: AdsCatalogResponse })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ListCampaignsParams) {
    return this.queries.execute(new ListCampaignsQuery(query.includeArchived ?? false));
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
        frequencyCap: body.frequencyCap ?? null,
        targeting: body.targeting ?? {},
      }),
    );
  }

  @Patch('campaigns/:id')
  @ApiOperation({
    summary: 'Edit a campaign',
    description:
      '**Access: admins.** Name, flight, CPM, budgets, impression goal, frequency cap and targeting; absent fields stay, a ' +
      'bound set to null is removed. The same rules as at creation (400 `ads.campaign.invalid-flight`, ' +
      '`ads.campaign.unbounded`, `ads.input.invalid`), and never below what was delivered: 422 ' +
      '`ads.campaign.budget-below-spend`, `ads.campaign.goal-below-delivered`. 404 `ads.campaign.not-found`, 409 ' +
      '`ads.campaign.archived`. Every node serves the new terms on its next decision.',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  updateCampaign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateCampaignRequest) {
    return this.commands.execute(
      new UpdateCampaignCommand(id.toLowerCase(), {
        name: body.name?.trim(),
        startsAt: body.startsAt === undefined ? undefined : new Date(body.startsAt),
        endsAt: body.endsAt === undefined ? undefined : new Date(body.endsAt),
        cpm: body.cpm,
        totalBudget: body.totalBudget,
        dailyBudget: body.dailyBudget,
        impressionGoal: body.impressionGoal,
        frequencyCap: body.frequencyCap,
        targeting: body.targeting,
      }),
    );
  }

  @Post('campaigns/:id/archive')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Archive a campaign',
    description:
      '**Access: admins.** Never served again (every node, next decision) and hidden from the listing; its impressions, ' +
      'clicks, spend, metrics and settlements stay. Archiving again answers the same campaign. 404 `ads.campaign.not-found`.',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @ApiProblems(400, 401, 403, 404)
  archiveCampaign(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new ArchiveCampaignCommand(id.toLowerCase()));
  }

  @Put('campaigns/:id/status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pause or resume a campaign',
    description:
      '**Access: admins.** Every node applies it on its next decision. 404 `ads.campaign.not-found`, 409 ' +
      '`ads.campaign.archived`.',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  changeStatus(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeCampaignStatusRequest) {
    return this.commands.execute(new ChangeCampaignStatusCommand(id.toLowerCase(), body.status));
  }

  @Post('campaigns/:id/creatives')
  @ApiOperation({
    summary: 'Add a creative to a campaign',
    description:
      '**Access: admins.** `preroll`: a studio `videoId` whose media went through the pipeline (else 422 ' +
      '`ads.creative.video-not-ready`); `leaderboard`, `rectangle`, `mobile_banner`: an https `imageUrl`. Mixing them is 400 ' +
      '`ads.creative.media-mismatch`; a click or image URL that is not https is 400 `ads.creative.insecure-url`; an archived ' +
      'campaign is 409 `ads.campaign.archived`.',
  })
  @ApiCreatedResponse({ type: CreativeResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
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

  @Post('creatives/:id/archive')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Remove a creative from serving (archive it)',
    description:
      '**Access: admins.** Never served again (every node, next decision); its delivery history and metrics stay. Archiving ' +
      'again answers the same creative. 404 `ads.creative.not-found`.',
  })
  @ApiOkResponse({ type: CreativeResponse })
  @ApiProblems(400, 401, 403, 404)
  archiveCreative(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new ArchiveCreativeCommand(id.toLowerCase()));
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
