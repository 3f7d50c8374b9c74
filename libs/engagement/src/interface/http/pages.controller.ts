import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Public, type Principal } from '@lib/platform';
import { GetCreatorPageQuery } from '../../application/pages/queries/get-creator-page/get-creator-page.query.js';
import { GetHashtagPageQuery } from '../../application/pages/queries/get-hashtag-page/get-hashtag-page.query.js';
import { CreatorPageResponse, HashtagPageResponse, PageQuery } from './pages.dto.js';

const PUBLIC = '**Access: public, authentication optional** (a bearer token names the viewer, for blocks). ';

@ApiTags('pages')
@Controller('v1')
export class PagesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('creators/:id')
  @Public()
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiOperation({
    summary: "A creator's page: profile, channels, follower and video counts, latest videos",
    description: `${PUBLIC}404 \`engagement.person.not-found\` for an unknown id; 403 \`engagement.restriction.blocked\` when the viewer and the creator block either way.`,
  })
  @ApiOkResponse({ type: CreatorPageResponse })
  @ApiProblems(400, 401, 403, 404)
  creator(
    @Param('id', new ParseUUIDPipe()) creatorId: string,
    @Query() query: PageQuery,
    @CurrentUser() principal?: Principal,
  ) {
    return this.queries.execute(new GetCreatorPageQuery(principal?.userId ?? null, creatorId, query.limit));
  }

  @Get('hashtags/:tag')
  @Public()
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiOperation({
    summary: "A hashtag's page: the normalised tag, comment and video counts, latest videos and comments carrying it",
    description: `${PUBLIC}The tag is normalised as comments normalise it (\`#Café\`, \`CAFÉ\` and \`ｃａｆé\` are one page; 400 \`engagement.hashtag.invalid\` otherwise). People either side blocks with the viewer are left out.`,
  })
  @ApiOkResponse({ type: HashtagPageResponse })
  @ApiProblems(400, 401)
  hashtag(@Param('tag') tag: string, @Query() query: PageQuery, @CurrentUser() principal?: Principal) {
    return this.queries.execute(new GetHashtagPageQuery(principal?.userId ?? null, tag, query.limit));
  }
}
