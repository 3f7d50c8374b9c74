import type { AuditEntry } from '../../contracts/index.js';

export interface AuditEntryView {
  seq: number;
  id: string;
  actorId: string | null;
  action: string;
  target: { type: string; id: string };
  reason: string | null;
  data: Record<string, unknown>;
  occurredAt: string;
  hash: string;
  previousHash: string;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

export interface ChainVerification {
  checked: number;
  /** The first entry whose link does not hold (edited, or one before it removed), if any. */
  broken: { seq: number; id: string; problem: string } | null;
}

/** The audit log's storage: append in the caller's transaction, read newest first, walk the chain. */
export abstract class AuditTrail {
  abstract append(entry: AuditEntry, at: Date): Promise<void>;
  abstract page(
    filter: AuditFilter,
    limit: number,
    cursor?: string,
  ): Promise<{ items: AuditEntryView[]; nextCursor?: string }>;
  /** Re-hashes the chain in order, in batches; `onProgress(checked, total)` after each batch. */
  abstract verify(onProgress?: (checked: number, total: number) => void): Promise<ChainVerification>;
}
