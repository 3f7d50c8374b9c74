import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SearchIndex } from '@lib/platform';
import { CATALOG_INDEX, type CatalogDocument } from '../../catalog/catalog-index.js';
import { SuggestCatalogQuery } from './suggest-catalog.query.js';

/** Titles matching the prefix that are ranked for suggestions (ADR 0068): bounds the work of "h" or "ho". */
export const SUGGEST_CANDIDATES = 100;

@QueryHandler(SuggestCatalogQuery)
export class SuggestCatalogHandler implements IQueryHandler<SuggestCatalogQuery> {
  constructor(private readonly search: SearchIndex) {}

  async execute({ q, limit }: SuggestCatalogQuery) {
    const result = await this.search.search<CatalogDocument>(CATALOG_INDEX.name, {
      text: q,
      mode: 'autocomplete',
      limit,
      trackTotalUpTo: SUGGEST_CANDIDATES,
    });
    return {
      items: result.hits.map((hit) => ({
        id: hit.id,
        title: hit.document.title,
        creatorName: hit.document.creatorName,
        channelName: hit.document.channelName,
      })),
    };
  }
}
