import type { IndexDefinition, SearchDocument } from '@lib/platform';
import type { User } from '../domain/user/user.js';

/** The `people` read model: who can be found, by handle or name, while typing and despite typos. */
export const PEOPLE_INDEX: IndexDefinition = {
  name: 'people',
  fields: {
    handle: { type: 'text', weight: 4, autocomplete: true },
    displayName: { type: 'text', weight: 3, autocomplete: true },
    bio: { type: 'text', weight: 1 },
    roles: { type: 'keyword', facet: true, filterable: true },
    createdAt: { type: 'date', sortable: true, filterable: true },
  },
  // A name thousands share is ranked among its longest-standing accounts (ADR 0068); a newer one by a narrower query.
  windowOrder: { field: 'createdAt', order: 'asc' },
};

export type PersonDocument = {
  handle: string;
  displayName: string;
  bio: string | null;
  avatarUrl: string | null;
  roles: string[];
  createdAt: string;
};

/** The user's current state, versioned by the aggregate: a replayed old event can never win. */
export function personDocument(user: User): SearchDocument<PersonDocument> {
  return {
    id: user.id,
    version: user.version ?? 1,
    body: {
      handle: user.handle,
      displayName: user.displayName,
      bio: user.bio,
      avatarUrl: user.avatarUrl,
      roles: [...user.roles],
      createdAt: user.createdAt.toISOString(),
    },
  };
}
