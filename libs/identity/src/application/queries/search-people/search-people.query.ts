import { Query } from '@nestjs/cqrs';
import type { FacetCount } from '@lib/platform';

export interface PersonHit {
  id: string;
  handle: string;
  displayName: string;
  bio: string | null;
  avatarUrl: string | null;
  score: number | null;
}

export interface PeopleSearchResult {
  items: PersonHit[];
  /** Exact with `eq`; with `gte` more people match than were counted (SearchQuery.trackTotalUpTo). */
  total: number;
  totalRelation: 'eq' | 'gte';
  facets: Record<string, FacetCount[]>;
  facetsExhaustive: boolean;
  nextCursor?: string;
}

export class SearchPeopleQuery extends Query<PeopleSearchResult> {
  constructor(
    readonly text: string | undefined,
    readonly mode: 'full' | 'autocomplete',
    readonly role: string | undefined,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
