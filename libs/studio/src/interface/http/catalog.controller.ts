import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Public, type Principal } from '@lib/platform';
import { GetCaptionFileQuery } from '../../application/queries/get-caption-file/get-caption-file.query.js';
import { GetCatalogVideoQuery } from '../../application/queries/get-catalog-video/get-catalog-video.query.js';
import { GetPlaybackQuery } from '../../application/queries/get-playback/get-playback.query.js';
import { SearchCatalogQuery } from '../../application/queries/search-catalog/search-catalog.query.js';
import { SuggestCatalogQuery } from '../../application/queries/suggest-catalog/suggest-catalog.query.js';
import {
  CatalogQueryRequest,
  CatalogResponse,
  CatalogVideoResponse,
  FacetCountResponse,
  PlaybackResponse,
  SuggestionsResponse,
  SuggestQueryRequest,
} from './catalog.dto.js';
import { LanguagePipe } from './language.pipe.js';

const uuid = () => new ParseUUIDPipe();

@ApiTags('catalog')
@ApiExtraModels(FacetCountResponse)
@Controller('v1/catalog')
export class CatalogController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Search published videos: words (typos tolerated), filters, facet counts, sort, cursor' })
  @ApiOkResponse({ type: CatalogResponse })
  @ApiProblems(400)
  search(@Query() query: CatalogQueryRequest) {
    const { limit, cursor, sort, ...rest } = query;
    return this.queries.execute(new SearchCatalogQuery({ ...rest, sort: sort ?? 'relevance', limit, cursor }));
  }

  @Public()
  @Get('suggest')
  @ApiOperation({ summary: 'Autocomplete titles as the fan types' })
  @ApiOkResponse({ type: SuggestionsResponse })
  @ApiProblems(400)
  suggest(@Query() query: SuggestQueryRequest) {
    return this.queries.execute(new SuggestCatalogQuery(query.q, query.limit));
  }

  @Public()
  @Get('videos/:videoId')
  @ApiOperation({ summary: 'A published video’s public page data' })
  @ApiOkResponse({ type: CatalogVideoResponse })
  @ApiProblems(400, 404)
  video(@Param('videoId', uuid()) videoId: string) {
    return this.queries.execute(new GetCatalogVideoQuery(videoId));
  }

  @Get('videos/:videoId/playback')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Signed HLS URLs, if the caller’s plan (or the free / early-access rule) allows it' })
  @ApiOkResponse({ type: PlaybackResponse })
  @ApiProblems(400, 401, 403, 404)
  playback(@CurrentUser() principal: Principal, @Param('videoId', uuid()) videoId: string) {
    return this.queries.execute(new GetPlaybackQuery(principal.userId, videoId));
  }

  @Public()
  @Get('videos/:videoId/captions/:file')
  @Header('content-type', 'text/vtt; charset=utf-8')
  @ApiProduces('text/vtt')
  @ApiOperation({ summary: 'A published video’s captions as WebVTT (`en.vtt`)' })
  @ApiOkResponse({ description: 'WebVTT', content: { 'text/vtt': { schema: { type: 'string' } } } })
  @ApiProblems(400, 404)
  captions(@Param('videoId', uuid()) videoId: string, @Param('file') file: string) {
    const language = new LanguagePipe().transform(file.replace(/\.vtt$/, ''));
    return this.queries.execute(new GetCaptionFileQuery(videoId, language));
  }
}
