import { Query } from '@nestjs/cqrs';
import type { RestrictionKind } from '../../../domain/restriction/restriction.js';
import type { RestrictedPerson } from '../../read-models/social-graph.read-model.js';

export type { RestrictedPerson };

export class ListRestrictionsQuery extends Query<{ items: RestrictedPerson[] }> {
  constructor(
    readonly ownerId: string,
    readonly kind: RestrictionKind,
  ) {
    super();
  }
}
