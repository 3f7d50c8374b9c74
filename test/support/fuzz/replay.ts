import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FuzzRequest } from './request-arbitrary.js';

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Bodies longer than this go to a file next to the report instead of the terminal. */
const INLINE_BODY_LIMIT = 2_000;

/**
 * A counterexample as a request anyone can replay against a running server: a curl line (token as
 * `$TOKEN`) and the same request as JSON. A large body is written to a file the curl line reads.
 */
export function replayable(request: FuzzRequest, baseUrl = 'http://127.0.0.1:3000'): { curl: string; json: string } {
  const parts = ['curl -i --path-as-is', '-X', request.method, shellQuote(`${baseUrl}${request.url}`)];
  parts.push('-H', shellQuote('Authorization: Bearer $TOKEN').replace(/'/g, '"'));
  for (const [name, value] of Object.entries(request.headers))
    for (const each of Array.isArray(value) ? value : [value]) parts.push('-H', shellQuote(`${name}: ${each}`));
  let shownBody = request.body;
  if (request.body !== undefined) {
    if (request.body.length > INLINE_BODY_LIMIT || !request.body.isWellFormed()) {
      const file = join(mkdtempSync(join(tmpdir(), 'fuzz-counterexample-')), 'body');
      writeFileSync(file, request.body, 'utf8');
      parts.push('--data-binary', shellQuote(`@${file}`));
      shownBody = `<${request.body.length} characters in ${file}>`;
    } else parts.push('--data-binary', shellQuote(request.body));
  }
  let curl = parts.join(' ');
  let shownUrl = request.url;
  if (curl.length > INLINE_BODY_LIMIT) {
    // A 5,000-character path is replayable from a file, not from a terminal line.
    const file = join(mkdtempSync(join(tmpdir(), 'fuzz-counterexample-')), 'replay.sh');
    writeFileSync(file, `#!/bin/sh\n${curl}\n`, 'utf8');
    curl = `sh ${file}   # ${request.method} ${request.url.slice(0, 120)}…`;
    shownUrl = `${request.url.slice(0, 200)}… <${request.url.length} characters, in ${file}>`;
  }
  return { curl, json: JSON.stringify({ ...request, url: shownUrl, body: shownBody }, null, 2) };
}
