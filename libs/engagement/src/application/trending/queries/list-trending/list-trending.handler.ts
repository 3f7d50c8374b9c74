import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, InvalidCursorError } from '@lib/platform';
import { TrendingReadModel } from '../../trending.read-model.js';
import { TrendingCache } from '../../trending-ports.js';
import { ListTrendingQuery, type TrendingPage } from './list-trending.query.js';

/** Pages through a list by rank; a page is served from the cache until the next recompute replaces the lists. */
@QueryHandler(ListTrendingQuery)
export class ListTrendingHandler implements IQueryHandler<ListTrendingQuery> {
  constructor(
    private readonly readModel: TrendingReadModel,
    private readonly cache: TrendingCache,
  ) {}

  async execute(query: ListTrendingQuery): Promise<TrendingPage> {
    const afterRank = rankAfter(query.cursor);
    const key = [query.kind, query.window, query.language ?? '', query.category ?? '', afterRank, query.limit].join(
      ':',
    );
    const cached = await this.cache.get<TrendingPage>(key);
    if (cached) return cached;
    const { items, computedAt } = await this.readModel.list({
      kind: query.kind,
      window: query.window,
      language: query.language ?? '',
      category: query.category ?? '',
      afterRank,
      limit: query.limit + 1,
    });
    const page: TrendingPage = {
      window: query.window,
      language: query.language,
      category: query.category,
      computedAt: computedAt?.toISOString() ?? null,
      items: items.slice(0, query.limit),
    };
    if (items.length > query.limit) page.nextCursor = encodeCursor([items[query.limit - 1].rank]);
    await this.cache.set(key, page);
    return page;
  }
}

function rankAfter(cursor: string | undefined): number {
  if (!cursor) return 0;
  const [rank] = decodeCursor(cursor) ?? [];
  if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 1) throw new InvalidCursorError();
  return rank;
}
