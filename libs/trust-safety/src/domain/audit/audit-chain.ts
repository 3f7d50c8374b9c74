import { createHash } from 'node:crypto';

/** The hash the first entry chains to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEntry {
  id: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  data: unknown;
  occurredAt: Date;
}

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}

/** sha256(previous hash + canonical entry): changing or removing any entry breaks every later link. */
export function chainHash(previousHash: string, entry: ChainedEntry): string {
  const canonical = canonicalJson({
    id: entry.id,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    reason: entry.reason,
    data: entry.data,
    occurredAt: entry.occurredAt.toISOString(),
  });
  return createHash('sha256').update(previousHash).update(canonical).digest('hex');
}

/** The first broken link of a chain read in order, if any. */
export interface ChainBreak {
  seq: number;
  id: string;
  problem: 'previous-hash-mismatch' | 'hash-mismatch';
}
