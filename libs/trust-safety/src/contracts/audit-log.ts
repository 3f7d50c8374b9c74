/** One moderator or admin action, as the acting context describes it. */
export interface AuditEntry {
  /** Who acted; null for the platform itself (automatic escalation, a CLI run without a user). */
  actorId: string | null;
  /** `<context>.<subject>.<verb>`, e.g. `identity.roles.changed`, `billing.refund.issued`. */
  action: string;
  target: { type: string; id: string };
  reason?: string | null;
  /** Facts worth keeping (before/after values, amounts); JSON only. */
  data?: Record<string, unknown>;
}

/**
 * Trust & safety's append-only, hash-chained audit log of every moderator and admin action. `record`
 * writes in the caller's transaction, so the entry exists exactly when the action committed.
 */
export abstract class AuditLog {
  abstract record(entry: AuditEntry): Promise<void>;
}
