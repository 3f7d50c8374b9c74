import { DomainError } from '../ddd/domain-error.js';

/** The index (alias) or index version named in a call does not exist. */
export class UnknownSearchIndexError extends DomainError {
  readonly code = 'search.index.unknown';
  readonly kind = 'not-found';

  constructor(readonly indexName: string) {
    super(`Search index "${indexName}" does not exist`, { index: indexName });
  }
}

/** A query the index cannot run: undeclared field, wrong value type, malformed cursor. */
export class InvalidSearchQueryError extends DomainError {
  readonly code = 'search.query.invalid';
  readonly kind = 'invalid';

  constructor(
    message: string,
    /** The offending field, when the problem is tied to one. */
    readonly field?: string,
  ) {
    super(message, field === undefined ? undefined : { field });
  }
}

/** An index definition that no adapter can build (bad name, unknown type, option on the wrong type). */
export class InvalidIndexDefinitionError extends DomainError {
  readonly code = 'search.definition.invalid';
  readonly kind = 'invalid';
}

/** A rebuild wrote some documents but not all: the new version was not promoted. */
export class SearchRebuildFailedError extends Error {
  readonly code = 'search.rebuild.failed';

  constructor(
    readonly indexName: string,
    readonly physicalName: string,
    readonly failed: { id: string; reason: string }[],
  ) {
    const sample = failed
      .slice(0, 10)
      .map((f) => `${f.id}: ${f.reason}`)
      .join('; ');
    super(
      `Rebuilding "${indexName}" into ${physicalName} failed for ${failed.length} document(s), so it was not promoted: ${sample}${failed.length > 10 ? '; …' : ''}`,
    );
    this.name = new.target.name;
  }
}
