import fc from 'fast-check';
import type { ApiDocument } from '../api-sweep.js';
import { invariantViolations } from './invariant.js';
import { replayable } from './replay.js';
import {
  conditionRequests,
  requestArbitrary,
  type ExpectedRefusal,
  type FuzzRequest,
  type FuzzTarget,
  type PathFixtures,
  type ValueFixtures,
} from './request-arbitrary.js';
import { sendRaw, type WireAnswer } from './wire.js';
import type { WriteAudit } from './write-audit.js';

export interface FuzzOptions {
  /** Requests per operation. */
  runs: number;
  /** The base seed; each operation runs on its own seed derived from it and its operationId. */
  seed: number;
  /** Only operations whose operationId or documented path equals this. */
  route?: string;
  /** fast-check's counterexample path, to replay one failure (with the same seed and route). */
  replayPath?: string;
}

export interface FuzzContext {
  baseUrl: string;
  document: ApiDocument;
  fixtures: PathFixtures;
  /** Real values for body fields by property name (`videoId`, `commentId`…), the fuzzing identity's own. */
  values?: ValueFixtures;
  /** The bearer token the operation is fuzzed with (a member, or an admin on role-gated routes). */
  tokenFor(target: FuzzTarget): string;
  /**
   * Another signed-in person's token, for operations they may be tried on with the fuzzing identity's
   * ids (one request in three); undefined where not (role-gated, public, no path id).
   */
  otherTokenFor?(target: FuzzTarget): string | undefined;
  /** Operations only the object's owner may call (the BOLA table): another person's request never succeeds. */
  ownerOnly?(target: FuzzTarget): boolean;
  /** Detects writes by refused requests when given; operations then run one request at a time. */
  audit?: WriteAudit;
  /** `schema.table operation` written by scheduled jobs on their own clock, not by any request. */
  backgroundWrites?: readonly string[];
  /** Waits for an accepted write's after-commit work (outbox, consumers); default: the audit goes quiet. */
  settle?(): Promise<void>;
  /** Called after every answer (e.g. to sign in again after a fuzzed logout). */
  afterAnswer?(target: FuzzTarget, answer: WireAnswer, request: FuzzRequest): Promise<void>;
}

export interface Finding {
  target: FuzzTarget;
  request: FuzzRequest;
  status: number;
  contentType: string;
  excerpt: string;
  violations: string[];
  seed: number;
  counterexamplePath: string;
  numRuns: number;
}

/** The seed an operation runs on: stable per (base seed, operationId), different across operations. */
export function seedFor(base: number, operationId: string): number {
  let hash = base | 0;
  for (const char of operationId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

export function selectTargets(targets: FuzzTarget[], route: string | undefined): FuzzTarget[] {
  return route ? targets.filter(({ operationId, path }) => operationId === route || path === route) : targets;
}

/**
 * Runs the property on one operation: `runs` generated requests, each answer checked against the
 * invariant (invariant.ts) and, with an audit, a refused request (4xx) must have written nothing.
 * Returns the shrunk counterexample, or undefined when every request held.
 */
export async function fuzzOperation(
  context: FuzzContext,
  target: FuzzTarget,
  options: FuzzOptions,
): Promise<Finding | undefined> {
  const seed = seedFor(options.seed, target.operationId);
  let failure: Omit<Finding, 'seed' | 'counterexamplePath' | 'numRuns'> | undefined;
  const byOther = context.otherTokenFor?.(target) !== undefined;
  const ownerOnly = byOther && (context.ownerOnly?.(target) ?? false);
  const property = fc.asyncProperty(
    requestArbitrary(context.document, target, context.fixtures, { values: context.values, byOther }),
    async (request: FuzzRequest) => {
      const before = context.audit ? await context.audit.mark() : 0;
      const token = request.sender === 'other' ? context.otherTokenFor!(target)! : context.tokenFor(target);
      const answer = await sendRaw(context.baseUrl, request, token).catch((error: Error): WireAnswer => ({
        status: 0,
        headers: {},
        text: `connection failed: ${error.message}`,
      }));
      const violations = answer.status === 0 ? [answer.text] : invariantViolations(answer, request.method);
      if (request.expected && answer.status !== 0) violations.push(...refusalViolations(answer, request.expected));
      // Randomised BOLA: on an owner-only route another person's request is refused whatever ids it names.
      if (request.sender === 'other' && ownerOnly && answer.status >= 200 && answer.status < 400)
        violations.push(`another person's request on an owner-only operation answered ${answer.status}`);
      if (context.audit) {
        const { writes } = await context.audit.since(before, context.backgroundWrites);
        if (answer.status >= 400 && writes.length)
          violations.push(`refused with ${answer.status} yet wrote: ${writes.join(', ')}`);
        // An accepted write may have after-commit work (outbox consumers): let it land before the next request.
        if (answer.status < 400 && writes.length) await (context.settle ? context.settle() : context.audit.settle());
      }
      await context.afterAnswer?.(target, answer, request);
      if (process.env.FUZZ_VERBOSE)
        process.stderr.write(
          `${answer.status} ${request.method} ${request.url.slice(0, 100)} ${request.mutations.join(', ')}\n`,
        );
      if (!violations.length) return true;
      failure = {
        target,
        request,
        status: answer.status,
        contentType: String(answer.headers['content-type'] ?? ''),
        excerpt: answer.text.slice(0, 600),
        violations,
      };
      return false;
    },
  );
  // Each alternative and each combination breaking a documented condition, before the random requests.
  const examples = conditionRequests(context.document, target, context.fixtures, seed, context.values).map(
    (request) => [request] as [FuzzRequest],
  );
  const details = await fc.check(property, {
    seed,
    numRuns: options.runs + examples.length,
    examples,
    ...(options.replayPath ? { path: options.replayPath } : {}),
  });
  if (!details.failed || !failure) return undefined;
  // fast-check's last failing run is the shrunk counterexample: `failure` holds its request.
  return { ...failure, seed, counterexamplePath: details.counterexamplePath ?? '', numRuns: details.numRuns };
}

/** Refusals that come before any body validation (authentication, a rate limit): the body is not judged then. */
const REFUSED_BEFORE_VALIDATION = [401, 429];

/**
 * Why an answer breaks the refusal the document promises for its request: accepted, or refused for
 * another reason (a 404 from a handler's lookup means the body got past validation).
 */
export function refusalViolations(answer: WireAnswer, expected: ExpectedRefusal): string[] {
  if ([...REFUSED_BEFORE_VALIDATION, ...(expected.unlessRefusedBefore ?? [])].includes(answer.status)) return [];
  let code: unknown;
  try {
    code = (JSON.parse(answer.text) as { code?: unknown }).code;
  } catch {
    code = undefined;
  }
  if (answer.status === expected.status && code === expected.code) return [];
  return [
    `answered ${answer.status} ${JSON.stringify(code)} where the document promises ${expected.status} ${expected.code}`,
  ];
}

/** A finding as text: what broke, the answer, the request as curl and JSON, and how to replay it. */
export function describeFinding(finding: Finding, baseSeed: number): string {
  const { target, request } = finding;
  const { curl, json } = replayable(request);
  return [
    `${target.method} ${target.path} (${target.operationId}): ${finding.violations.join('; ')}`,
    `  answer: ${finding.status} ${finding.contentType} ${finding.excerpt.replace(/\s+/g, ' ').slice(0, 300)}`,
    `  mutations: ${request.mutations.join(', ') || 'none (a valid-looking request)'}`,
    `  replay with curl: ${curl}`,
    `  request: ${json.replace(/\n/g, '\n  ')}`,
    `  replay with fast-check: npm run fuzz -- --seed ${baseSeed} --route ${target.operationId} --replay-path ${finding.counterexamplePath}`,
    `    (operation seed ${finding.seed}, path ${finding.counterexamplePath})`,
  ].join('\n');
}
