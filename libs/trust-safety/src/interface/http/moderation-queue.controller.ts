import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, hasRole, Roles, type Principal } from '@lib/platform';
import { ActOnReviewItemCommand } from '../../application/actions/act-on-review-item/act-on-review-item.command.js';
import { ActOnReviewItemsCommand } from '../../application/actions/act-on-review-items/act-on-review-items.command.js';
import { ClaimReviewItemCommand } from '../../application/review-queue/claim-review-item/claim-review-item.command.js';
import { GetReviewItemQuery } from '../../application/review-queue/get-review-item/get-review-item.query.js';
import { ListQueueQuery } from '../../application/review-queue/list-queue/list-queue.query.js';
import { ReleaseReviewItemCommand } from '../../application/review-queue/release-review-item/release-review-item.command.js';
import {
  ActionRequest,
  BulkActionRequest,
  BulkActionResponse,
  ClaimRequest,
  DecisionResponse,
  QueuePageResponse,
  QueueQuery,
  ReviewItemResponse,
} from './moderation.dto.js';

@ApiTags('admin: moderation')
@ApiBearerAuth()
@Roles('moderator')
@Controller('v1/admin/moderation/queue')
export class ModerationQueueController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The review queue, highest priority first',
    description:
      'Moderators and admins. Reports grouped per target, DMCA notices, held content and flags in one list, ordered by ' +
      'severity × summed reporter weight × recency (as of the first page, kept by the cursor).',
  })
  @ApiOkResponse({ type: QueuePageResponse })
  @ApiProblems(400, 401, 403)
  list(@CurrentUser() principal: Principal, @Query() query: QueueQuery) {
    const claimedBy = query.claimedBy === 'me' ? principal.userId : query.claimedBy?.toLowerCase();
    return this.queries.execute(
      new ListQueueQuery(
        {
          status: query.status,
          kind: query.kind,
          category: query.category,
          targetType: query.targetType,
          claimedBy,
          breached: query.breached,
        },
        query.limit,
        query.cursor,
      ),
    );
  }

  @Post('actions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bulk action: the same decision on up to 50 items',
    description:
      'Moderators and admins. Each item is decided on its own, as by `POST …/queue/{id}/actions` (idempotent); ' +
      'an item that cannot take the action is reported in its result with the problem code, the others go through.',
  })
  @ApiOkResponse({ type: BulkActionResponse })
  @ApiProblems(400, 401, 403)
  actOnMany(@CurrentUser() principal: Principal, @Body() body: BulkActionRequest) {
    return this.commands.execute(
      new ActOnReviewItemsCommand(
        body.itemIds.map((id) => id.toLowerCase()),
        principal.userId,
        body.action,
        body.reason,
        body.rule ?? null,
        body.hours ?? null,
      ),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One item with its reports and decision', description: 'Moderators and admins.' })
  @ApiOkResponse({ type: ReviewItemResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetReviewItemQuery(id));
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Claim an item, or assign it to another moderator',
    description:
      'Moderators and admins. Claiming an item someone else holds is 409 `trust-safety.review-item.claimed`.',
  })
  @ApiOkResponse({ type: ReviewItemResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  claim(@CurrentUser() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ClaimRequest) {
    return this.commands.execute(
      new ClaimReviewItemCommand(id, principal.userId, body.assigneeId?.toLowerCase() ?? principal.userId),
    );
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give an item back to the queue', description: 'Its claimant, or an admin.' })
  @ApiOkResponse({ type: ReviewItemResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  release(@CurrentUser() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new ReleaseReviewItemCommand(id, principal.userId, hasRole(principal, ['admin'])));
  }

  @Post(':id/actions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide an item: dismiss, approve, hide, remove, restore, warn, timeout, suspend or ban',
    description:
      'Moderators and admins. Content actions reach the owning context as `trust-safety.content-actioned.v1`; account ' +
      'actions apply to the person responsible. The person is notified with the appeal link, reporters see the outcome, ' +
      'the audit log records it. Acting again on a decided item returns the first decision unchanged.',
  })
  @ApiOkResponse({ type: DecisionResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  act(@CurrentUser() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ActionRequest) {
    return this.commands.execute(
      new ActOnReviewItemCommand(id, principal.userId, body.action, body.reason, body.rule ?? null, body.hours ?? null),
    );
  }
}
