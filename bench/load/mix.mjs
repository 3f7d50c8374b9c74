// What signed-in fans' apps send, as one weighted mix of the app's real routes. Each arrival picks a route by
// weight and a fan at random; the same seed gives the same sequence of requests.
import { randomUUID } from 'node:crypto';
import { prng } from '../http/people-data.mjs';
import { requestMix } from '../search/catalog-data.mjs';

/**
 * Route weights in percent of all requests, from a fan session's shape: the player reports events in batches
 * while a video plays (the most frequent call), people browse and type into search (autocomplete fires on
 * several keystrokes per search), open a video's page and then its playback URL, look at their feed and
 * notifications when the app opens, and message less often than they read.
 */
export const ROUTES = [
  { kind: 'events', weight: 25, label: 'POST /v1/events (10 player events)' },
  { kind: 'browse', weight: 10, label: 'GET /v1/catalog (category or trending, no words)' },
  { kind: 'search', weight: 8, label: 'GET /v1/catalog?q=' },
  { kind: 'suggest', weight: 12, label: 'GET /v1/catalog/suggest?q=' },
  { kind: 'video', weight: 12, label: 'GET /v1/catalog/videos/:id' },
  { kind: 'playback', weight: 8, label: 'GET /v1/catalog/videos/:id/playback' },
  { kind: 'feed', weight: 10, label: 'GET /v1/me/feed' },
  { kind: 'notifications', weight: 7, label: 'GET /v1/notifications' },
  { kind: 'conversations', weight: 5, label: 'GET /v1/conversations' },
  { kind: 'message', weight: 3, label: 'POST /v1/conversations/:id/messages' },
];
export const KINDS = ROUTES.map((route) => route.kind);

const BROWSE_SORTS = ['popular', 'newest', 'trending'];
const MESSAGES = [
  'did you see the new episode?',
  'that sourdough one was great',
  'watching it tonight',
  'haha yes',
  'which series should I start with?',
  'thanks for the tip!',
  'see you at the live session',
  'the jazz piano lesson is so good',
];

/**
 * A request builder over the seeded world: `next(i)` gives arrival i ({ kind, path, method, headers, body }),
 * `probe()` one request of every route. `tokens` maps fan id → access token; `conversations` are
 * { conversationId, senderId } pairs the senders can write to.
 */
export function fanMix({ world, tokens, conversations, seed }) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  // Pages people open follow popularity: sample videos by popularity rank with a Zipf-like skew.
  const byPopularity = [...world.videos].sort((a, b) => b.popularity - a.popularity);
  // The generator spreads publishedAt up to 2027-01-01: a free video "published" after now is in early access
  // until then (GetPlaybackHandler's availableToAllAt rule) and answers 403 billing.entitlement.required.
  const openToAll = (video) => Date.parse(video.publishedAt) <= Date.now();
  const free = byPopularity.filter((video) => video.tier === 'free' && openToAll(video));
  const skewed = (list) => list[Math.floor(random() ** 2 * list.length)];
  const fromSearchBench = requestMix(world.topCreatorHandle);
  const searches = fromSearchBench.filter((entry) => entry.kind === 'search' && entry.query.q);
  const suggestions = fromSearchBench.filter((entry) => entry.kind === 'suggest');

  const cumulative = [];
  let total = 0;
  for (const route of ROUTES) cumulative.push((total += route.weight));
  const chooseKind = () => {
    const target = random() * total;
    return ROUTES[cumulative.findIndex((bound) => bound > target)].kind;
  };
  const auth = (userId) => ({ authorization: `Bearer ${tokens.get(userId)}` });
  const json = (userId) => ({ ...auth(userId), 'content-type': 'application/json' });
  const query = (path, params) => `${path}?${new URLSearchParams(params).toString()}`;

  const build = {
    events: (fan) => {
      const video = skewed(byPopularity);
      const sessionId = randomUUID();
      const now = Date.now();
      const start = Math.floor(random() * 300);
      const events = Array.from({ length: 10 }, (_, n) => ({
        eventId: randomUUID(),
        name: n === 0 && start === 0 ? 'video_start' : 'video_progress',
        timestamp: new Date(now - (10 - n) * 10_000).toISOString(),
        sessionId,
        videoId: video.id,
        properties: { position: start + n * 10, elapsed: 10, url: 'https://app.example.com/watch' },
      }));
      return { method: 'POST', path: '/v1/events', headers: json(fan), body: JSON.stringify({ events }) };
    },
    browse: (fan) => {
      const sort = pick(BROWSE_SORTS);
      const params = sort === 'trending' ? { sort } : { category: pick(world.categories), sort };
      return { path: query('/v1/catalog', params), headers: auth(fan) };
    },
    search: (fan) => ({ path: query('/v1/catalog', pick(searches).query), headers: auth(fan) }),
    suggest: (fan) => ({ path: query('/v1/catalog/suggest', pick(suggestions).query), headers: auth(fan) }),
    video: (fan) => ({ path: `/v1/catalog/videos/${skewed(byPopularity).id}`, headers: auth(fan) }),
    // Free videos open to all only: a fan without a plan gets 403 on the others, a product answer, not capacity.
    playback: (fan) => ({ path: `/v1/catalog/videos/${skewed(free).id}/playback`, headers: auth(fan) }),
    feed: (fan) => ({ path: '/v1/me/feed?limit=20', headers: auth(fan) }),
    notifications: (fan) => ({ path: '/v1/notifications?limit=20', headers: auth(fan) }),
    conversations: (fan) => ({ path: '/v1/conversations?limit=20', headers: auth(fan) }),
    message: () => {
      const { conversationId, senderId } = pick(conversations);
      return {
        method: 'POST',
        path: `/v1/conversations/${conversationId}/messages`,
        headers: json(senderId),
        body: JSON.stringify({ text: pick(MESSAGES), clientMessageId: randomUUID() }),
      };
    },
  };
  const request = (kind, fan) => ({ kind, method: 'GET', ...build[kind](fan) });
  return {
    next: () => request(chooseKind(), pick(world.fans).userId),
    // The first fan has a conversation, so every list of the probe has something to show.
    probe: () => KINDS.map((kind) => request(kind, world.fans[0].userId)),
  };
}
