import { Query } from '@nestjs/cqrs';
import type { RestrictionKind } from '../../../domain/social-graph/restriction.js';

export interface RestrictedPerson {
  userId: string;
  handle: string;
  displayName: string;
  since: string;
}

export class ListRestrictionsQuery extends Query<{ items: RestrictedPerson[] }> {
  constructor(
    readonly ownerId: string,
    readonly kind: RestrictionKind,
  ) {
    super();
  }
}
