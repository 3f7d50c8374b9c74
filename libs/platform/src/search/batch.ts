import type { BulkResult, SearchDocument } from './search-index.js';

/**
 * What both adapters do before writing a batch: documents without a usable id or version fail, and
 * of an id repeated in the batch only the highest version is written (the others are stale).
 */
export function prepareBatch(documents: SearchDocument[]): { documents: SearchDocument[]; result: BulkResult } {
  const result: BulkResult = { written: 0, stale: 0, failed: [] };
  const latest = new Map<string, SearchDocument>();
  for (const document of documents) {
    const problem = documentProblem(document);
    if (problem) {
      result.failed.push({ id: String(document.id), reason: problem });
      continue;
    }
    const seen = latest.get(document.id);
    if (seen) result.stale++;
    if (!seen || seen.version < document.version) latest.set(document.id, document);
  }
  return { documents: [...latest.values()], result };
}

export function assertDocumentVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new RangeError(`A document version must be a non-negative integer, got ${version}`);
  }
}

function documentProblem(document: SearchDocument): string | undefined {
  if (typeof document.id !== 'string' || document.id === '' || document.id.length > 512) {
    return 'the id must be a non-empty string of at most 512 characters';
  }
  if (!Number.isSafeInteger(document.version) || document.version < 0)
    return 'the version must be a non-negative integer';
  if (document.body === null || typeof document.body !== 'object' || Array.isArray(document.body))
    return 'the body must be an object';
  return undefined;
}
