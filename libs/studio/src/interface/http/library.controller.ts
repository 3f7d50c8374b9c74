import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { CreateCollectionCommand } from '../../application/commands/create-collection/create-collection.command.js';
import { CreateSeriesCommand } from '../../application/commands/create-series/create-series.command.js';
import { CreateTemplateCommand } from '../../application/commands/create-template/create-template.command.js';
import { DeleteCollectionCommand } from '../../application/commands/delete-collection/delete-collection.command.js';
import { DeleteTemplateCommand } from '../../application/commands/delete-template/delete-template.command.js';
import { GetSeriesQuery } from '../../application/queries/get-series/get-series.query.js';
import { ListChannelThingsQuery } from '../../application/queries/list-channel-things/list-channel-things.query.js';
import {
  CollectionResponse,
  CreateCollectionRequest,
  CreateSeriesRequest,
  CreateTemplateRequest,
  DeletedResponse,
  ListResponse,
  SeriesResponse,
  SeriesWithEpisodesResponse,
  TemplateResponse,
} from './videos.dto.js';

const uuid = () => new ParseUUIDPipe();

@ApiTags('studio: series, collections and templates')
@ApiBearerAuth()
@Controller('v1/studio')
export class LibraryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('channels/:channelId/series')
  @ApiOperation({ summary: 'Start a series; episodes are videos placed in it by season and number (editor)' })
  @ApiCreatedResponse({ type: SeriesResponse })
  @ApiProblems(400, 401, 402, 403, 404)
  createSeries(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Body() body: CreateSeriesRequest,
  ) {
    return this.commands.execute(
      new CreateSeriesCommand(principal.userId, channelId, body.title, body.description ?? ''),
    );
  }

  @Get('channels/:channelId/series')
  @ApiOperation({ summary: 'The channel’s series (any member)' })
  @ApiOkResponse({ type: ListResponse })
  @ApiProblems(400, 401, 404)
  listSeries(@CurrentUser() principal: Principal, @Param('channelId', uuid()) channelId: string) {
    return this.queries.execute(new ListChannelThingsQuery(principal.userId, channelId, 'series'));
  }

  @Get('series/:seriesId')
  @ApiOperation({ summary: 'A series with its episodes in order (any member)' })
  @ApiOkResponse({ type: SeriesWithEpisodesResponse })
  @ApiProblems(400, 401, 404)
  getSeries(@CurrentUser() principal: Principal, @Param('seriesId', uuid()) seriesId: string) {
    return this.queries.execute(new GetSeriesQuery(principal.userId, seriesId));
  }

  @Post('channels/:channelId/collections')
  @ApiOperation({ summary: 'Create a collection (a library folder) (editor)' })
  @ApiCreatedResponse({ type: CollectionResponse })
  @ApiProblems(400, 401, 402, 403, 404, 409)
  createCollection(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Body() body: CreateCollectionRequest,
  ) {
    return this.commands.execute(new CreateCollectionCommand(principal.userId, channelId, body.name));
  }

  @Get('channels/:channelId/collections')
  @ApiOperation({ summary: 'The channel’s collections (any member)' })
  @ApiOkResponse({ type: ListResponse })
  @ApiProblems(400, 401, 404)
  listCollections(@CurrentUser() principal: Principal, @Param('channelId', uuid()) channelId: string) {
    return this.queries.execute(new ListChannelThingsQuery(principal.userId, channelId, 'collections'));
  }

  @Delete('collections/:collectionId')
  @ApiOperation({ summary: 'Delete a collection; its videos stay (editor)' })
  @ApiOkResponse({ type: DeletedResponse })
  @ApiProblems(400, 401, 403, 404)
  deleteCollection(@CurrentUser() principal: Principal, @Param('collectionId', uuid()) collectionId: string) {
    return this.commands.execute(new DeleteCollectionCommand(principal.userId, collectionId));
  }

  @Post('channels/:channelId/templates')
  @ApiOperation({
    summary: 'Create a content template: default description, tags, access level, publish time of day (editor)',
  })
  @ApiCreatedResponse({ type: TemplateResponse })
  @ApiProblems(400, 401, 402, 403, 404)
  createTemplate(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Body() body: CreateTemplateRequest,
  ) {
    const { name, collectionIds: _ignored, ...defaults } = body;
    return this.commands.execute(new CreateTemplateCommand(principal.userId, channelId, name, defaults));
  }

  @Get('channels/:channelId/templates')
  @ApiOperation({ summary: 'The channel’s content templates (any member)' })
  @ApiOkResponse({ type: ListResponse })
  @ApiProblems(400, 401, 404)
  listTemplates(@CurrentUser() principal: Principal, @Param('channelId', uuid()) channelId: string) {
    return this.queries.execute(new ListChannelThingsQuery(principal.userId, channelId, 'templates'));
  }

  @Delete('templates/:templateId')
  @ApiOperation({ summary: 'Delete a content template (editor)' })
  @ApiOkResponse({ type: DeletedResponse })
  @ApiProblems(400, 401, 403, 404)
  deleteTemplate(@CurrentUser() principal: Principal, @Param('templateId', uuid()) templateId: string) {
    return this.commands.execute(new DeleteTemplateCommand(principal.userId, templateId));
  }
}
