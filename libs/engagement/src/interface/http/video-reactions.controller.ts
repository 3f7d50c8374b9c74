import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { SetVideoLikeCommand } from '../../application/commands/set-like/set-like.command.js';
import { SetVideoRatingCommand } from '../../application/commands/set-rating/set-rating.command.js';
import { GetVideoRatingQuery } from '../../application/queries/get-rating/get-rating.query.js';
import { LikeStateResponse, RateVideoBody, RatingResponse } from './interactions.dto.js';

const uuid = () => new ParseUUIDPipe();
const WHO_MAY =
  'Signed in; the video must be published and the caller allowed to watch it (its team, or a plan with its access level and, during early access, `early_access`)';

@ApiTags('likes and ratings')
@ApiBearerAuth()
@Controller('v1/videos/:videoId')
export class VideoReactionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('like')
  @ApiOperation({ summary: 'Like a video (again is harmless)', description: WHO_MAY })
  @ApiOkResponse({ type: LikeStateResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  like(@CurrentUser() principal: Principal, @Param('videoId', uuid()) videoId: string) {
    return this.commands.execute(new SetVideoLikeCommand(principal.userId, videoId, true));
  }

  @Delete('like')
  @ApiOperation({ summary: 'Take back a like (none is harmless)', description: WHO_MAY })
  @ApiOkResponse({ type: LikeStateResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  unlike(@CurrentUser() principal: Principal, @Param('videoId', uuid()) videoId: string) {
    return this.commands.execute(new SetVideoLikeCommand(principal.userId, videoId, false));
  }

  @Put('rating')
  @ApiOperation({ summary: 'Rate a video 1–5 stars (replaces the caller’s earlier rating)', description: WHO_MAY })
  @ApiOkResponse({ type: RatingResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  rate(@CurrentUser() principal: Principal, @Param('videoId', uuid()) videoId: string, @Body() body: RateVideoBody) {
    return this.commands.execute(new SetVideoRatingCommand(principal.userId, videoId, body.stars));
  }

  @Delete('rating')
  @ApiOperation({ summary: 'Withdraw the caller’s rating', description: WHO_MAY })
  @ApiOkResponse({ type: RatingResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  withdraw(@CurrentUser() principal: Principal, @Param('videoId', uuid()) videoId: string) {
    return this.commands.execute(new SetVideoRatingCommand(principal.userId, videoId, null));
  }

  @Get('rating')
  @ApiOperation({
    summary: 'A video’s average rating, distribution and the caller’s own',
    description: 'Signed in; the video must be published',
  })
  @ApiOkResponse({ type: RatingResponse })
  @ApiProblems(400, 401, 404)
  rating(@CurrentUser() principal: Principal, @Param('videoId', uuid()) videoId: string) {
    return this.queries.execute(new GetVideoRatingQuery(principal.userId, videoId));
  }
}
