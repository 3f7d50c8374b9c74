import { Query } from '@nestjs/cqrs';
import type { TrendingItemView } from '../../trending.read-model.js';
import type { TrendingKind, TrendingWindow } from '../../trending-ports.js';

export interface TrendingPage {
  window: TrendingWindow;
  language: string | null;
  category: string | null;
  /** When the lists were last recomputed (null: never yet). */
  computedAt: string | null;
  items: TrendingItemView[];
  nextCursor?: string;
}

/** One page of a trending list (highest score first), for every language/category when they are null. */
export class ListTrendingQuery extends Query<TrendingPage> {
  constructor(
    readonly kind: TrendingKind,
    readonly window: TrendingWindow,
    readonly language: string | null,
    readonly category: string | null,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
