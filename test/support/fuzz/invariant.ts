import type { WireAnswer } from './wire.js';

/** A stable problem code: dotted lowercase words (`studio.channel.not-found`), never a bare status. */
const CODE_SHAPE = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
const STATUS_FALLBACK = /^http\.\d{3}$/;

/** What a stack trace or the server's file layout looks like in an answer. */
const LEAKS: [RegExp, string][] = [
  [/\bat (?:async )?[\w$.<>[\] ]+ \(?(?:file:|node:|\/)[^)\s]*:\d+:\d+/, 'a stack frame'],
  [/node_modules[\\/]/, 'a node_modules path'],
  [/node:internal/, 'a Node.js internal path'],
  [/\/(?:work|home|usr|app|srv|tmp)\/[\w.-]+\/[\w./-]+\.(?:[cm]?js|ts)\b/, 'a source file path'],
  [/\b(?:TypeError|ReferenceError|RangeError|SyntaxError): /, 'a JavaScript error message'],
  [
    /\b(?:QueryFailedError|DriverException|relation "[\w.]+" does not exist|duplicate key value violates)/,
    'a database error',
  ],
];

/**
 * The fuzzing invariant for one answer: never a 5xx; every 4xx is `application/problem+json` whose
 * body names its status and a stable `code`; no answer carries a stack trace or an internal path.
 * Returns what is wrong (empty when the answer is fine).
 */
export function invariantViolations(answer: WireAnswer, method: string): string[] {
  const wrong: string[] = [];
  if (answer.status >= 500) wrong.push(`answered ${answer.status}`);
  for (const [pattern, what] of LEAKS) if (pattern.test(answer.text)) wrong.push(`the body contains ${what}`);
  if (answer.status < 400) return wrong;
  const contentType = String(answer.headers['content-type'] ?? '');
  if (!contentType.startsWith('application/problem+json'))
    wrong.push(`a ${answer.status} with content-type ${JSON.stringify(contentType)}, not application/problem+json`);
  if (method === 'HEAD') return wrong;
  let problem: Record<string, unknown> | undefined;
  try {
    problem = JSON.parse(answer.text) as Record<string, unknown>;
  } catch {
    wrong.push(`a ${answer.status} whose body is not JSON`);
    return wrong;
  }
  if (typeof problem?.code !== 'string' || !CODE_SHAPE.test(problem.code) || STATUS_FALLBACK.test(problem.code))
    wrong.push(`a ${answer.status} without a stable code (code: ${JSON.stringify(problem?.code)})`);
  if (problem?.status !== answer.status)
    wrong.push(`a ${answer.status} whose problem says status ${JSON.stringify(problem?.status)}`);
  return wrong;
}
