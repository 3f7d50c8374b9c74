import { Injectable } from '@nestjs/common';
import type { ModerationPolicy } from '../../domain/policy/moderation-policy.js';
import { ModerationPolicyRepository } from '../../domain/policy/moderation-policy.repository.js';

/** How long a node keeps the policy in memory: an edit reaches every node within this. */
export const POLICY_CACHE_MS = 5_000;

/**
 * The policy in force, kept in memory for a few seconds: every user-written text is checked against
 * it, so reading it from PostgreSQL each time would put a query on every write path.
 */
@Injectable()
export class CurrentPolicy {
  private cached: { policy: ModerationPolicy; until: number } | null = null;
  private loading: Promise<ModerationPolicy> | null = null;

  constructor(private readonly policies: ModerationPolicyRepository) {}

  async get(): Promise<ModerationPolicy> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.policy;
    // One load at a time, however many texts arrive while the cache is cold.
    this.loading ??= this.policies
      .current()
      .then((policy) => {
        this.cached = { policy, until: Date.now() + POLICY_CACHE_MS };
        return policy;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }

  /** Uses a version just committed on this node at once (other nodes pick it up within the cache time). */
  use(policy: ModerationPolicy): void {
    this.cached = { policy, until: Date.now() + POLICY_CACHE_MS };
  }
}
