import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, ApiProblems, Public } from '@lib/platform';
import { SearchPeopleQuery } from '../../application/queries/search-people/search-people.query.js';
import { FacetCountResponse, PeopleSearchResponse, SearchPeopleRequest } from './people.dto.js';

@ApiTags('search')
@ApiExtraModels(FacetCountResponse)
@Controller('v1/search/people')
export class PeopleSearchController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get()
  @ApiKeyScope('search:read')
  @ApiOperation({
    summary: 'Find people by handle or display name',
    description: 'Typo tolerant, prefix matching, cursor paged.',
  })
  @ApiOkResponse({ type: PeopleSearchResponse })
  @ApiProblems(400, 402)
  search(@Query() query: SearchPeopleRequest) {
    return this.queries.execute(
      new SearchPeopleQuery(query.q?.trim() || undefined, query.mode, query.role, query.limit, query.cursor),
    );
  }
}
