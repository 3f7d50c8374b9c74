import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { ApplyTemplateCommand } from '../../application/commands/apply-template/apply-template.command.js';
import { BatchEditCommand } from '../../application/commands/batch-edit/batch-edit.command.js';
import { BulkPublishCommand } from '../../application/commands/bulk-publish/bulk-publish.command.js';
import { PublishVideoCommand } from '../../application/commands/publish-video/publish-video.command.js';
import { UnpublishVideoCommand } from '../../application/commands/unpublish-video/unpublish-video.command.js';
import { CreateVideoCommand } from '../../application/commands/create-video/create-video.command.js';
import { DeleteVideoCommand } from '../../application/commands/delete-video/delete-video.command.js';
import { RemoveCaptionCommand } from '../../application/commands/remove-caption/remove-caption.command.js';
import { RetryVideoCommand } from '../../application/commands/retry-video/retry-video.command.js';
import { SetCaptionCommand } from '../../application/commands/set-caption/set-caption.command.js';
import { UpdateVideoCommand } from '../../application/commands/update-video/update-video.command.js';
import { GetLibraryQuery } from '../../application/queries/get-library/get-library.query.js';
import { GetVideoQuery } from '../../application/queries/get-video/get-video.query.js';
import type { VideoState } from '../../domain/video/video.js';
import {
  ApplyTemplateRequest,
  ApplyTemplateResponse,
  BatchEditRequest,
  BatchResponse,
  BulkPublishRequest,
  BulkPublishResponse,
  BulkUnpublishRequest,
  CaptionRequest,
  CreateVideoRequest,
  DeletedResponse,
  LibraryQueryRequest,
  LibraryResponse,
  PublishRequest,
  UpdateVideoRequest,
  VideoResponse,
} from './videos.dto.js';
import { LanguagePipe } from './language.pipe.js';

const uuid = () => new ParseUUIDPipe();

@ApiTags('studio: videos and publishing')
@ApiBearerAuth()
@Controller('v1/studio')
export class VideosController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('channels/:channelId/videos')
  @ApiOperation({ summary: 'Create a video from a finished upload and start processing it (editor)' })
  @ApiCreatedResponse({ type: VideoResponse })
  @ApiProblems(400, 401, 402, 403, 404, 409)
  create(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Body() body: CreateVideoRequest,
  ) {
    const { uploadId, templateId, ...input } = body;
    return this.commands.execute(new CreateVideoCommand(principal.userId, channelId, uploadId, input, templateId));
  }

  @Get('channels/:channelId/library')
  @ApiOperation({
    summary: 'The channel’s videos: filter by state, tag, series, collection and date; search; sort; page (any member)',
  })
  @ApiOkResponse({ type: LibraryResponse })
  @ApiProblems(400, 401, 404)
  library(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Query() query: LibraryQueryRequest,
  ) {
    return this.queries.execute(
      new GetLibraryQuery(principal.userId, channelId, {
        state: query.state?.split(',') as VideoState[] | undefined,
        tag: query.tag,
        seriesId: query.seriesId,
        collectionId: query.collectionId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        q: query.q,
        sort: query.sort ?? 'created',
        order: query.order ?? (query.sort === 'title' || query.sort === 'episode' ? 'asc' : 'desc'),
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }

  @Patch('videos')
  @ApiOperation({
    summary: 'Batch edit: the same changes to many videos, all or nothing, with a per-item report (editor)',
  })
  @ApiOkResponse({ type: BatchResponse })
  @ApiProblems(400, 401, 422)
  batchEdit(@CurrentUser() principal: Principal, @Body() body: BatchEditRequest) {
    return this.commands.execute(new BatchEditCommand(principal.userId, body.ids, body.changes));
  }

  @Post('videos/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish or schedule many videos; each succeeds or fails on its own (editor)' })
  @ApiOkResponse({ type: BulkPublishResponse })
  @ApiProblems(400, 401)
  bulkPublish(@CurrentUser() principal: Principal, @Body() body: BulkPublishRequest) {
    return this.commands.execute(new BulkPublishCommand(principal.userId, body.ids, true, body.at, body.timeZone));
  }

  @Post('videos/unpublish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unpublish (or unschedule) many videos; each on its own (editor)' })
  @ApiOkResponse({ type: BulkPublishResponse })
  @ApiProblems(400, 401)
  bulkUnpublish(@CurrentUser() principal: Principal, @Body() body: BulkUnpublishRequest) {
    return this.commands.execute(new BulkPublishCommand(principal.userId, body.ids, false, undefined, undefined));
  }

  @Post('videos/apply-template')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Apply a content template to many videos (all or nothing), optionally scheduling them at its time of day',
  })
  @ApiOkResponse({ type: ApplyTemplateResponse })
  @ApiProblems(400, 401, 404, 422)
  applyTemplate(@CurrentUser() principal: Principal, @Body() body: ApplyTemplateRequest) {
    return this.commands.execute(
      new ApplyTemplateCommand(principal.userId, body.templateId, body.ids, body.schedule ?? false),
    );
  }

  @Get('videos/:videoId')
  @ApiOperation({
    summary:
      'A video: state, processing progress, renditions, thumbnails and, when failed, the error code (any member)',
  })
  @ApiOkResponse({ type: VideoResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentUser() principal: Principal, @Param('videoId', uuid()) videoId: string) {
    return this.queries.execute(new GetVideoQuery(principal.userId, videoId));
  }

  @Patch('videos/:videoId')
  @ApiOperation({ summary: 'Edit a video: metadata, series placement, collections, access level, thumbnail (editor)' })
  @ApiOkResponse({ type: VideoResponse })
  @ApiProblems(400, 401, 402, 403, 404, 409)
  update(
    @CurrentUser() principal: Principal,
    @Param('videoId', uuid()) videoId: string,
    @Body() body: UpdateVideoRequest,
  ) {
    const { thumbnail, ...input } = body;
    return this.commands.execute(new UpdateVideoCommand(principal.userId, videoId, input, thumbnail));
  }

  @Delete('videos/:videoId')
  @ApiOperation({ summary: 'Delete a video and its stored media (owner)' })
  @ApiOkResponse({ type: DeletedResponse })
  @ApiProblems(400, 401, 403, 404)
  remove(@CurrentUser() principal: Principal, @Param('videoId', uuid()) videoId: string) {
    return this.commands.execute(new DeleteVideoCommand(principal.userId, videoId));
  }

  @Post('videos/:videoId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Restart failed processing from the step that failed (editor)' })
  @ApiOkResponse({ type: VideoResponse })
  @ApiProblems(400, 401, 402, 403, 404, 409)
  retry(@CurrentUser() principal: Principal, @Param('videoId', uuid()) videoId: string) {
    return this.commands.execute(new RetryVideoCommand(principal.userId, videoId));
  }

  @Post('videos/:videoId/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish now, or at `at` (in `timeZone`); counts against the owner’s episodes_per_month (editor)',
  })
  @ApiOkResponse({ type: VideoResponse })
  @ApiProblems(400, 401, 402, 403, 404, 409)
  publish(
    @CurrentUser() principal: Principal,
    @Param('videoId', uuid()) videoId: string,
    @Body() body: PublishRequest,
  ) {
    return this.commands.execute(new PublishVideoCommand(principal.userId, videoId, body.at, body.timeZone));
  }

  @Post('videos/:videoId/unpublish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unpublish a published video, or cancel its schedule (editor)' })
  @ApiOkResponse({ type: VideoResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  unpublish(@CurrentUser() principal: Principal, @Param('videoId', uuid()) videoId: string) {
    return this.commands.execute(new UnpublishVideoCommand(principal.userId, videoId));
  }

  @Put('videos/:videoId/captions/:language')
  @ApiOperation({ summary: 'Upload captions for a language (WebVTT or SRT, validated, stored as WebVTT) (editor)' })
  @ApiOkResponse({ type: VideoResponse })
  @ApiProblems(400, 401, 402, 403, 404, 413)
  setCaption(
    @CurrentUser() principal: Principal,
    @Param('videoId', uuid()) videoId: string,
    @Param('language', LanguagePipe) language: string,
    @Body() body: CaptionRequest,
  ) {
    return this.commands.execute(new SetCaptionCommand(principal.userId, videoId, language, body.content, body.label));
  }

  @Delete('videos/:videoId/captions/:language')
  @ApiOperation({ summary: 'Remove a language’s captions (editor)' })
  @ApiOkResponse({ type: VideoResponse })
  @ApiProblems(400, 401, 403, 404)
  removeCaption(
    @CurrentUser() principal: Principal,
    @Param('videoId', uuid()) videoId: string,
    @Param('language', LanguagePipe) language: string,
  ) {
    return this.commands.execute(new RemoveCaptionCommand(principal.userId, videoId, language));
  }
}
