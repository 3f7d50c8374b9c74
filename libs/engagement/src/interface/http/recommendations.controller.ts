import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Public, type Principal } from '@lib/platform';
import { GetRecommendationsQuery } from '../../application/recommendations/get-recommendations/get-recommendations.query.js';
import { GetSimilarVideosQuery } from '../../application/recommendations/get-similar-videos/get-similar-videos.query.js';
import { RecommendationsQueryRequest, RecommendationsResponse, SimilarQueryRequest } from './recommendations.dto.js';

const PUBLIC = '**Access: public, authentication optional** (a bearer token makes the list personal). ';
const FILTERS =
  'Finished and disliked videos, creators the viewer blocks or mutes (or who block them) are left out; videos their plan cannot play are marked `upgradeRequired` (or left out, `RECS_LOCKED_VIDEOS=drop`). `count` 1–50 (else 400 `validation.failed`). Cached per person briefly; their next interaction refreshes it.';

@ApiTags('recommendations')
@Controller('v1/recommendations')
export class RecommendationsController {
  constructor(private readonly queries: QueryBus) {}

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
