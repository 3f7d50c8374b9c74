import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ModerationPolicy } from '../../../domain/policy/moderation-policy.js';
import { ModerationPolicyRepository } from '../../../domain/policy/moderation-policy.repository.js';
import { GetPolicyQuery } from './get-policy.query.js';

@QueryHandler(GetPolicyQuery)
export class GetPolicyHandler implements IQueryHandler<GetPolicyQuery> {
  constructor(private readonly policies: ModerationPolicyRepository) {}

  /** Read from storage, not the node's cache: an admin sees the version just saved on any node. */
  execute(): Promise<ModerationPolicy> {
    return this.policies.current();
  }
}
