import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Public, type Principal } from '@lib/platform';
import { GiveRecommendationFeedbackCommand } from '../../application/recommendations/give-feedback/give-feedback.command.js';
import { GetRecommendationsQuery } from '../../application/recommendations/get-recommendations/get-recommendations.query.js';
import { GetSimilarVideosQuery } from '../../application/recommendations/get-similar-videos/get-similar-videos.query.js';
import {
  RecommendationFeedbackRequest,
  RecommendationsQueryRequest,
  RecommendationsResponse,
  SimilarQueryRequest,
} from './recommendations.dto.js';

const PUBLIC = '**Access: public, authentication optional** (a bearer token makes the list personal). ';
const FILTERS =
  'Finished and disliked videos, creators the viewer blocks or mutes (or who block them) are left out; videos their plan cannot play are marked `upgradeRequired` (or left out, `RECS_LOCKED_VIDEOS=drop`). `count` 1–50 (else 400 `validation.failed`). Cached per person briefly; their next interaction refreshes it.';

@ApiTags('recommendations')
@Controller('v1/recommendations')
export class RecommendationsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Public()
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The personal home feed of recommendations (logged out: trending and new)',
    description: `${PUBLIC}${FILTERS} The strategy is the viewer's experiment arm when one runs on \`recommendations.home\`, else hybrid.`,
  })
  @ApiOkResponse({ type: RecommendationsResponse })
  @ApiProblems(400, 401)
  home(@Query() query: RecommendationsQueryRequest, @CurrentUser() principal?: Principal) {
    return this.queries.execute(
      new GetRecommendationsQuery(principal?.userId ?? null, query.count, query.category, query.creator),
    );
  }

  @Put('feedback/:videoId')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Tell the recommender the viewer is not interested in a video, or skipped it',
    description:
      "**Access: authenticated.** Takes effect on the viewer's next request (their cached lists are forgotten). Giving the same feedback again only refreshes it; `not_interested` and `skipped` are kept apart. 404 `engagement.video.not-found` for unknown or unpublished videos; 429 `engagement.recommendation-feedback.rate-limited` past 120 a minute.",
  })
  @ApiNoContentResponse({ description: 'Recorded' })
  @ApiProblems(400, 401, 404, 429)
  giveFeedback(
    @Param('videoId', new ParseUUIDPipe()) videoId: string,
    @Body() body: RecommendationFeedbackRequest,
    @CurrentUser() principal: Principal,
  ) {
    return this.commands.execute(new GiveRecommendationFeedbackCommand(principal.userId, videoId, body.kind));
  }

  @Delete('feedback/:videoId')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Take back the viewer\'s feedback on a video (undo "not interested")',
    description:
      '**Access: authenticated.** Removes both kinds of feedback; the video may be recommended again. Succeeds whatever became of the video, and when there was none.',
  })
  @ApiNoContentResponse({ description: 'Removed (or there was none)' })
  @ApiProblems(400, 401, 429)
  withdrawFeedback(@Param('videoId', new ParseUUIDPipe()) videoId: string, @CurrentUser() principal: Principal) {
    return this.commands.execute(new GiveRecommendationFeedbackCommand(principal.userId, videoId, null));
  }
}

/**
 * "More like this" under the catalog's path: `v1/catalog` is studio's controller, this route is
 * engagement's (the neighbours and signals live here), so it sits in a controller of its own.
 */
@ApiTags('recommendations')
@Controller('v1/catalog')
export class SimilarVideosController {
  constructor(private readonly queries: QueryBus) {}

  @Get('videos/:videoId/similar')
  @Public()
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiOperation({
    summary: '"More like this": videos watched with it and videos like it',
    description: `${PUBLIC}${FILTERS} 404 \`engagement.video.not-found\` for unknown, unpublished or taken-down videos.`,
  })
  @ApiOkResponse({ type: RecommendationsResponse })
  @ApiProblems(400, 401, 404)
  similar(
    @Param('videoId', new ParseUUIDPipe()) videoId: string,
    @Query() query: SimilarQueryRequest,
    @CurrentUser() principal?: Principal,
  ) {
    return this.queries.execute(
      new GetSimilarVideosQuery(videoId, principal?.userId ?? null, query.count, query.sessionId ?? null),
    );
  }
}
