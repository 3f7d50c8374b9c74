import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@lib/platform';
import { ListTrendingQuery } from '../../application/trending/queries/list-trending/list-trending.query.js';
import type { TrendingKind } from '../../application/trending/trending-ports.js';
import {
  TrendingCreatorsResponse,
  TrendingHashtagsResponse,
  TrendingQueryRequest,
  TrendingVideosResponse,
} from './trending.dto.js';

const PUBLIC =
  '**Access: anyone, signed in or not.** Highest score first; `window` 24h (default) or 7d; `language`/`category` narrow the list. ';

/** Public lists from the trending read model (recomputed by the worker, docs/adr/0038). */
@ApiTags('trending')
@Controller('v1/trending')
export class TrendingController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get('videos')
  @ApiOperation({
    summary: 'Trending videos over 24 h or 7 days, per language and category',
    description: `${PUBLIC}Published videos only, none held, hidden or removed by moderation, none of a suspended creator.`,
  })
  @ApiOkResponse({ type: TrendingVideosResponse })
  @ApiProblems(400)
  videos(@Query() query: TrendingQueryRequest) {
    return this.list('video', query);
  }

  @Public()
  @Get('creators')
  @ApiOperation({
    summary: 'Trending creators over 24 h or 7 days, per language and category',
    description: `${PUBLIC}From their videos' likes, completions and comments and their new followers (all languages only).`,
  })
  @ApiOkResponse({ type: TrendingCreatorsResponse })
  @ApiProblems(400)
  creators(@Query() query: TrendingQueryRequest) {
    return this.list('creator', query);
  }

  @Public()
  @Get('hashtags')
  @ApiOperation({
    summary: 'Trending comment hashtags over 24 h or 7 days, per language and category',
    description: `${PUBLIC}From the hashtags of public comments on eligible videos.`,
  })
  @ApiOkResponse({ type: TrendingHashtagsResponse })
  @ApiProblems(400)
  hashtags(@Query() query: TrendingQueryRequest) {
    return this.list('hashtag', query);
  }

  private list(kind: TrendingKind, query: TrendingQueryRequest) {
    return this.queries.execute(
      new ListTrendingQuery(
        kind,
        query.window ?? '24h',
        query.language ?? null,
        query.category ?? null,
        query.limit,
        query.cursor,
      ),
    );
  }
}
