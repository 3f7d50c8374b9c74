// `http --read=conversations`: an authenticated database read, GET /v1/conversations, through the api app and the
// bare baseline: seeding and the request mix (each reader with their own token).
import pg from 'pg';
import { importSource } from '../lib/services.mjs';
import { CONVERSATIONS_PATH, readRequestPlan, seedInbox, stableUuid } from './inbox-data.mjs';

async function seedReadData(databaseUrl, options) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const started = performance.now();
    const counts = await seedInbox(pool, options.users);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${Object.entries(counts)
        .map(([table, count]) => `${count.toLocaleString('en-US')} ${table}`)
        .join(', ')} in ${seconds.toFixed(1)} s`,
    );
    return { ...counts, seconds };
  } finally {
    await pool.end();
  }
}

/**
 * One request per reader, each with an access token signed by the app's own AccessTokens class (a stable
 * session id per person, never revoked). Second pages take their cursor from the candidate's first page.
 */
async function buildReadRequests(candidate, options, jwtSecret) {
  const { AccessTokens } = await importSource('libs/platform/src/auth/access-tokens.ts');
  const accessTokens = new AccessTokens({ auth: { jwtSecret, accessTokenTtlSeconds: 6 * 3600 } });
  const requests = [];
  for (const { person, userId, kind } of readRequestPlan(options.users, options.readers)) {
    const { token } = accessTokens.issue({ userId, roles: ['member'], sessionId: stableUuid(`session-${person}`) });
    const headers = { authorization: `Bearer ${token}` };
    let path = kind === 'requests' ? `${CONVERSATIONS_PATH}?folder=requests` : CONVERSATIONS_PATH;
    if (kind === 'page 2') {
      const first = await fetch(`${candidate.url}${CONVERSATIONS_PATH}?limit=5`, { headers });
      const { nextCursor } = await first.json();
      if (!first.ok || !nextCursor)
        throw new Error(`person ${person} has no second page of 5: the data no longer fits`);
      path = `${CONVERSATIONS_PATH}?limit=5&cursor=${encodeURIComponent(nextCursor)}`;
    }
    requests.push({ label: `person ${person}, ${kind}`, kind, method: 'GET', path, headers });
  }
  return requests;
}

/** Every answer of the mix must list conversations (requests may be few, but the seed gives everyone one). */
function checkReadBody(label, body) {
  const { items, unread, requests } = JSON.parse(body);
  if (!Array.isArray(items) || items.length === 0) throw new Error(`${label} lists no conversation`);
  return { items: items.length, unread, requests, bytes: Buffer.byteLength(body) };
}

/** The scenario as `bench http` runs it (see READ_SCENARIOS in http.bench.mjs). */
export const conversationsScenario = {
  name: 'conversations',
  route: 'GET /v1/conversations',
  describeData: (options) =>
    `${options.users.toLocaleString('en-US')} people with their conversations and messages, ${options.readers} readers`,
  baselineScript: new URL('./conversations-baseline-server.mjs', import.meta.url),
  seed: seedReadData,
  buildRequests: buildReadRequests,
  checkBody: checkReadBody,
};
