import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SearchIndex } from '@lib/platform';
import { PEOPLE_INDEX, type PersonDocument } from '../../people-index.js';
import { SearchPeopleQuery, type PeopleSearchResult } from './search-people.query.js';

@QueryHandler(SearchPeopleQuery)
export class SearchPeopleHandler implements IQueryHandler<SearchPeopleQuery> {
  constructor(private readonly search: SearchIndex) {}

  async execute(query: SearchPeopleQuery): Promise<PeopleSearchResult> {
    const result = await this.search.search<PersonDocument>(PEOPLE_INDEX.name, {
      text: query.text,
      mode: query.mode,
      filters: query.role ? { roles: query.role } : undefined,
      facets: ['roles'],
      limit: query.limit,
      cursor: query.cursor,
    });
    return {
      items: result.hits.map((hit) => ({
        id: hit.id,
        handle: hit.document.handle,
        displayName: hit.document.displayName,
        bio: hit.document.bio,
        avatarUrl: hit.document.avatarUrl,
        score: hit.score,
      })),
      total: result.total,
      totalRelation: result.totalRelation,
      facets: result.facets,
      facetsExhaustive: result.facetsExhaustive,
      nextCursor: result.nextCursor,
    };
  }
}
