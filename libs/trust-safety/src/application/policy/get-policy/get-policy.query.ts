import { Query } from '@nestjs/cqrs';
import type { ModerationPolicy } from '../../../domain/policy/moderation-policy.js';

export class GetPolicyQuery extends Query<ModerationPolicy> {}
