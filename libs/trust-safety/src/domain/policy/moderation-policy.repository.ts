import type { ModerationPolicy, PolicyDocument } from './moderation-policy.js';

/** Versioned policies: every edit is a new version, the highest one is in force. */
export abstract class ModerationPolicyRepository {
  /** The policy in force; the built-in default as version 1 until an admin saves one. */
  abstract current(): Promise<ModerationPolicy>;
  /** Stores `document` as the next version and returns it. */
  abstract saveNext(document: PolicyDocument, editedBy: string): Promise<ModerationPolicy>;
}
