import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { ModerationPolicy } from '../../domain/policy/moderation-policy.js';
import { ModerationPolicyRepository } from '../../domain/policy/moderation-policy.repository.js';

/** How long a node keeps the policy in memory: an edit reaches every node within this (plus one reload). */
export const POLICY_CACHE_MS = 5_000;

/**
 * The policy in force, kept in memory: every user-written text is checked against it, so reading it from
 * PostgreSQL each time would put a query on every write path.
 *
 * Texts are screened inside their write's transaction, and the policy is read on a connection of its own.
 * So a write never waits for that read once a policy is known: an expired one is served while a reload
 * runs in the background. Waiting there deadlocked the pool: with every connection held by a write that
 * waited for the reload, the reload never got one, and messaging froze for good (ADR 0074).
 */
@Injectable()
export class CurrentPolicy implements OnApplicationBootstrap {
  private cached: { policy: ModerationPolicy; until: number } | null = null;
  private loading: Promise<ModerationPolicy> | null = null;

  constructor(private readonly policies: ModerationPolicyRepository) {}

  /** Loaded before the process serves anything, so that no write waits for the first load either. */
  async onApplicationBootstrap(): Promise<void> {
    await this.reload().catch(() => undefined); // a database still starting: the first text loads it
  }

  async get(): Promise<ModerationPolicy> {
    const cached = this.cached;
    if (!cached) return this.reload();
    if (cached.until <= Date.now()) void this.reload().catch(() => undefined); // kept until a reload succeeds
    return cached.policy;
  }

  /** Uses a version just committed on this node at once (other nodes pick it up within the cache time). */
  use(policy: ModerationPolicy): void {
    this.cached = { policy, until: Date.now() + POLICY_CACHE_MS };
  }

  /** One load at a time, however many texts arrive meanwhile. */
  private reload(): Promise<ModerationPolicy> {
    this.loading ??= this.policies
      .current()
      .then((policy) => {
        // A reload that started before this node saved an edit must not bring the older version back.
        if (!this.cached || policy.version >= this.cached.policy.version) this.use(policy);
        return this.cached?.policy ?? policy;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }
}
