import { fileURLToPath } from 'node:url';
import {
  checkErrorCodes,
  findErrorCodes,
  readLibrarySources,
  type CodeProblem,
  type SourceFile,
} from './error-codes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Codes that break the rules today. This list must only shrink: fix a code (rename it, tell clients in
 * the context's README) and delete its line here; never add a line — a new code gets the right form.
 * A line whose code no longer offends fails the test, so fixed codes leave the list.
 */
const KNOWN_OFFENDERS: Record<string, string> = {};

/** A problem's key in KNOWN_OFFENDERS: `<code>` for contexts' own codes, `<lib>:<code>` otherwise. */
const keyOf = (problem: CodeProblem) =>
  problem.lib === 'platform' || !problem.code.startsWith(`${problem.lib}.`)
    ? `${problem.lib}:${problem.code}`
    : problem.code;
const unexpected = (problems: CodeProblem[]) =>
  problems.filter((problem) => !(keyOf(problem) in KNOWN_OFFENDERS)).map((problem) => problem.message);

describe('error codes read <context>.<subject>.<reason> and each belongs to one error class', () => {
  let sources: SourceFile[];
  let problems: CodeProblem[];

  beforeAll(() => {
    sources = readLibrarySources(root);
    problems = checkErrorCodes(findErrorCodes(sources));
  }, 60_000);

  it('finds codes written every way the libraries write them', () => {
    const codes = new Set(findErrorCodes(sources).map((found) => found.code));
    expect(codes.size).toBeGreaterThan(100);
    for (const code of [
      'studio.video.not-found', // a class field
      'studio.media.too-long', // a member of a type alias the constructor takes
      'studio.media.ffmpeg-timeout', // a member of an inline union
      'auth.role-required', // chosen at `new ForbiddenError(...)`
      'auth.token-invalid', // chosen in a conditional at `new UnauthenticatedError(...)`
      'engagement.message.rate-limited', // a rate-limit policy
      'validation.failed', // an HTTP problem
    ]) {
      expect(codes).toContain(code);
    }
  });

  it('has no offender beyond the known ones', () => {
    expect(unexpected(problems)).toEqual([]);
  });

  it('keeps the known offenders to codes that still offend (the list only shrinks)', () => {
    const offending = new Set(problems.map(keyOf));
    expect(Object.keys(KNOWN_OFFENDERS).filter((key) => !offending.has(key))).toEqual([]);
  });

  it('bites on new offenders planted among the real sources', () => {
    const planted: SourceFile[] = [
      {
        path: 'libs/studio/src/domain/planted/planted.errors.ts',
        text: `
          import { DomainError } from '@lib/platform/ddd';
          import { ForbiddenError } from '@lib/platform';
          export type PlantedRejection = 'studio.planted.fine' | 'studio.planted-badly';
          export class TwoPartError extends DomainError { readonly code = 'studio.planted'; readonly kind = 'invalid' as const; }
          export class ForeignPrefixError extends DomainError { readonly code = 'billing.planted.wrong-context'; readonly kind = 'invalid' as const; }
          export class UpperCaseError extends DomainError { readonly code = 'studio.planted.NotKebab'; readonly kind = 'invalid' as const; }
          export class DuplicateError extends DomainError { readonly code = 'studio.video.not-found'; readonly kind = 'not-found' as const; }
          export class AliasedError extends DomainError {
            readonly kind = 'invalid' as const;
            constructor(readonly code: PlantedRejection) { super('planted'); }
          }
          export class WellFormedError extends DomainError { readonly code = 'studio.planted.well-formed'; readonly kind = 'invalid' as const; }
          export const refuse = () => new ForbiddenError('studio.forbidden-planted', 'planted');
        `,
      },
      {
        path: 'libs/platform/src/planted/planted.ts',
        text: `
          export class PlatformPlantedError extends Error { readonly code = 'planted.outside-the-areas'; }
          export class PlatformFineError extends Error { readonly code = 'http.planted-fine'; }
        `,
      },
    ];
    const found = unexpected(checkErrorCodes(findErrorCodes([...sources, ...planted])));
    const expected = [
      /^studio\.planted \(libs\/studio\/src\/domain\/planted\/planted\.errors\.ts:\d+\) should read studio\.<subject>\.<reason>/,
      /^billing\.planted\.wrong-context .* should read studio\./,
      /^studio\.planted\.NotKebab .* should read studio\./,
      /^studio\.planted-badly .* should read studio\./,
      /^studio\.forbidden-planted .* should read studio\./,
      /^planted\.outside-the-areas .* should read <auth\|http\|validation\|search\|socket>/,
      /^studio\.video\.not-found is used by (?=.*video\.errors\.ts#)(?=.*planted\.errors\.ts#DuplicateError)/,
    ];
    expect(found).toEqual(expect.arrayContaining(expected.map((pattern) => expect.stringMatching(pattern))));
    expect(found).toHaveLength(expected.length);
  });
});
