// Deterministic, realistic-looking published videos for studio's `catalog` search index, and the request mix
// (full-text searches, typos, facet filters, autocomplete prefixes) run against them.
import { prng } from '../http/people-data.mjs';

// Categories, most common first (picked with a Zipf-like skew), each with its topics, most common first.
const CATEGORIES = [
  [
    'music',
    ['jazz piano', 'guitar', 'modular synth', 'drums', 'songwriting', 'vinyl records', 'bass guitar', 'violin'],
  ],
  ['gaming', ['speedrun', 'retro consoles', 'indie games', 'minecraft', 'strategy games', 'pixel art', 'chess']],
  ['cooking', ['sourdough', 'street food', 'ramen', 'coffee roasting', 'bread baking', 'knife skills', 'fermentation']],
  [
    'education',
    ['calculus', 'linear algebra', 'world history', 'spanish grammar', 'physics', 'chemistry', 'statistics'],
  ],
  [
    'tech',
    ['rust programming', 'home server', 'mechanical keyboards', 'open source', 'linux', 'javascript', 'databases'],
  ],
  ['travel', ['slow travel', 'train journeys', 'lisbon', 'tokyo', 'patagonia', 'night markets', 'island hopping']],
  ['fitness', ['trail running', 'kettlebell', 'yoga', 'climbing', 'mobility', 'marathon training', 'calisthenics']],
  ['comedy', ['stand-up', 'sketch comedy', 'improv', 'roast', 'parody songs', 'prank calls']],
  ['art', ['watercolor', 'urban sketching', 'ceramics', 'oil painting', 'digital illustration', 'calligraphy']],
  ['film', ['film photography', 'cinematography', 'color grading', 'short film', 'documentary', 'stop motion']],
  ['science', ['astronomy', 'night skies', 'bird watching', 'field recordings', 'geology', 'marine biology']],
  ['diy', ['woodworking', 'tiny houses', 'home repair', 'electronics', '3d printing', 'bike repair']],
  ['podcasts', ['long-form interviews', 'true crime', 'tech news', 'book club', 'history podcast']],
  ['animation', ['2d animation', 'blender', 'character design', 'motion graphics', 'anime']],
  ['sports', ['football highlights', 'basketball', 'tennis', 'skateboarding', 'surfing']],
  ['kids', ['bedtime stories', 'science experiments', 'nursery rhymes', 'drawing for kids']],
];

const FORMATS = [
  'tutorial',
  'lesson',
  'review',
  'vlog',
  'live session',
  'explained',
  'deep dive',
  'challenge',
  'behind the scenes',
  'walkthrough',
  'highlights',
  'q&a',
  'masterclass',
  'tips',
  'documentary',
];

const ADJECTIVES = [
  'beginner',
  'advanced',
  'ultimate',
  'quick',
  'complete',
  'honest',
  'cozy',
  'unexpected',
  'practical',
  'weird',
  'classic',
  'budget',
  'epic',
  'relaxing',
  'minimalist',
];

const TITLE_SHAPES = [
  (w) => `How to ${w.verb} ${w.topic}`,
  (w) => `${w.topic} for beginners`,
  (w) => `${w.adjective} ${w.topic} ${w.format}`,
  (w) => `I tried ${w.topic} for ${w.days} days`,
  (w) => `${w.topic} ${w.format} #${w.number}`,
  (w) => `The ${w.adjective} guide to ${w.topic}`,
  (w) => `${w.topic} in ${w.place}`,
  (w) => `${w.topic} vs ${w.otherTopic}: ${w.format}`,
  (w) => `${w.number} ${w.topic} mistakes everyone makes`,
  (w) => `${w.adjective} ${w.topic} with ${w.creatorFirst}`,
];

const VERBS = ['learn', 'start', 'master', 'practice', 'fix', 'build', 'understand', 'improve at', 'teach', 'enjoy'];

const PLACES = [
  'Lisbon',
  'Berlin',
  'Lagos',
  'Osaka',
  'Montreal',
  'Buenos Aires',
  'Nairobi',
  'Seoul',
  'Oslo',
  'Mumbai',
  'Austin',
  'Glasgow',
  'Marseille',
  'Taipei',
  'Bogota',
];

const FIRST_NAMES = [
  'maria',
  'ada',
  'sofia',
  'james',
  'wei',
  'alan',
  'amara',
  'arjun',
  'bruno',
  'camila',
  'chen',
  'diego',
  'elena',
  'fatima',
  'grace',
  'hana',
  'jamal',
  'kenji',
  'leila',
  'lucas',
  'maya',
  'nadia',
  'omar',
  'priya',
  'rafael',
  'sam',
  'theo',
  'yara',
  'zoe',
];

const LAST_NAMES = [
  'garcia',
  'lovelace',
  'smith',
  'nguyen',
  'silva',
  'okafor',
  'tanaka',
  'rossi',
  'kim',
  'patel',
  'dubois',
  'novak',
  'santos',
  'weber',
  'hansen',
  'reyes',
  'kowalski',
  'ito',
  'khan',
  'moreau',
];

const CHANNEL_SUFFIXES = ['studio', 'lab', 'tv', 'sessions', 'workshop', 'club', 'daily', 'academy', 'live', 'notes'];

const LANGUAGES = ['en', 'en', 'en', 'en', 'es', 'pt', 'fr', 'de', 'ja', 'it', 'pl', 'ko'];
const TIERS = ['free', 'free', 'free', 'free', 'free', 'ad_free', 'ad_free', 'early_access', 'monetization'];

// Guests' names made of syllables: a long tail of rare words, as real catalogs have (tens of thousands of
// distinct words), so typo lookups search a realistic word list.
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'ta',
  'vo',
  'zu',
  'bel',
  'dra',
  'fen',
  'gor',
  'hal',
  'is',
  'jun',
  'kel',
  'lun',
  'mor',
  'nai',
  'os',
  'pra',
  'qui',
  'ros',
  'sel',
  'tor',
  'ul',
  'var',
  'wen',
  'xi',
  'yor',
  'zan',
  'ash',
  'bri',
  'cor',
  'del',
  'eth',
  'fal',
  'gri',
  'hon',
  'ith',
  'jor',
];

const capitalize = (text) => text[0].toUpperCase() + text.slice(1);
const titleCase = (text) => text.replace(/(^|\s)(\p{L})/gu, (_, sep, letter) => sep + letter.toUpperCase());

function uuidFrom(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** `durationBucket` of studio's catalog-index.ts (short < 4 min ≤ medium ≤ 20 min < long). */
function durationBucket(seconds) {
  if (seconds < 4 * 60) return 'short';
  if (seconds <= 20 * 60) return 'medium';
  return 'long';
}

/**
 * `count` published videos as SearchDocuments of studio's `catalog` index, with the body CatalogDocuments.of
 * writes (same keys, same order), the same for the same seed. A few creators own many videos (Zipf-like),
 * as do a few categories and topics, so common words hit thousands of documents and rare ones a handful.
 */
export function generateVideos(count, seed = 20261203) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  // random()^k skews towards the head of a list (Zipf-like): the larger k, the more the first items dominate.
  const skewed = (list, k = 2) => list[Math.floor(random() ** k * list.length)];

  const guestName = () =>
    Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('') +
    ` ${Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('')}`;

  const creatorCount = Math.max(20, Math.round(count / 50));
  const takenHandles = new Set();
  const creators = Array.from({ length: creatorCount }, () => {
    const first = skewed(FIRST_NAMES);
    const last = skewed(LAST_NAMES);
    let handle = `${first}${last}`;
    while (takenHandles.has(handle)) handle = `${first}${last}${Math.floor(random() * 10_000)}`;
    takenHandles.add(handle);
    const [category, topics] = skewed(CATEGORIES);
    const topic = skewed(topics);
    const series = Array.from({ length: Math.floor(random() * 3) }, (_, i) => ({
      id: uuidFrom(random),
      title: `${titleCase(topic)} ${['season', 'course', 'diaries', 'weekly'][i % 4]}`,
    }));
    return {
      id: uuidFrom(random),
      handle,
      first,
      name: `${capitalize(first)} ${capitalize(last)}`,
      channelId: uuidFrom(random),
      channelName: `${titleCase(topic)} ${pick(CHANNEL_SUFFIXES)}`,
      category,
      language: pick(LANGUAGES),
      series,
      episodes: new Map(),
    };
  });

  const epoch = Date.parse('2025-01-01T00:00:00Z');
  const twoYears = 2 * 365 * 86_400_000;
  const videos = [];
  for (let i = 0; i < count; i++) {
    const creator = skewed(creators);
    // Most videos stay in the creator's category; some wander.
    const [category, topics] =
      random() < 0.8 ? CATEGORIES.find(([name]) => name === creator.category) : skewed(CATEGORIES);
    const topic = skewed(topics, 1.5);
    const words = {
      topic,
      otherTopic: pick(topics),
      format: skewed(FORMATS, 1.5),
      adjective: skewed(ADJECTIVES, 1.5),
      verb: pick(VERBS),
      place: pick(PLACES),
      days: pick([7, 14, 30, 100, 365]),
      number: 1 + Math.floor(random() * 60),
      creatorFirst: capitalize(creator.first),
    };
    const title = capitalize(pick(TITLE_SHAPES)(words));
    const description =
      `In this ${words.format}, ${words.creatorFirst} ${pick(['shows', 'explains', 'tries', 'shares', 'breaks down'])} ` +
      `${topic} ${pick(['step by step', 'from scratch', 'on a budget', 'the hard way', 'with friends'])}. ` +
      `${capitalize(pick(['also covered', 'bonus', 'next week', 'links below']))}: ${pick(topics)} and ${skewed(FORMATS, 1.5)}. ` +
      `${pick(['Filmed in', 'Recorded in', 'Live from'])} ${pick(PLACES)}` +
      (random() < 0.5 ? ` with ${titleCase(guestName())}.` : '.');
    const tags = [
      ...new Set([topic, words.format, category, pick(topics), ...(random() < 0.3 ? [pick(ADJECTIVES)] : [])]),
    ];
    const seriesItem = creator.series.length > 0 && random() < 0.4 ? pick(creator.series) : null;
    let season = null;
    let episode = null;
    if (seriesItem) {
      episode = (creator.episodes.get(seriesItem.id) ?? 0) + 1;
      creator.episodes.set(seriesItem.id, episode);
      season = 1 + Math.floor((episode - 1) / 10);
    }
    const tier = pick(TIERS);
    const earlyAccessDays = tier === 'early_access' ? pick([3, 7, 14]) : null;
    const publishedAt = new Date(epoch + Math.floor(random() * twoYears));
    // Log-normal-ish: most videos a few minutes long, a tail of hour-long ones.
    const durationSeconds = Math.round(30 + Math.exp(4 + random() * 4.2));
    // Pareto-ish views: most videos have a few hundred, a few have millions.
    const views = Math.floor(50 / (1 - random()) ** 1.3);
    const likes = Math.floor(views * (0.01 + random() * 0.05));
    videos.push({
      id: uuidFrom(random),
      version: 1,
      body: {
        title,
        description,
        tagsText: tags.join(' '),
        tags,
        creatorName: creator.name,
        creatorHandle: creator.handle,
        creatorId: creator.id,
        channelName: creator.channelName,
        channelId: creator.channelId,
        seriesTitle: seriesItem?.title ?? '',
        seriesId: seriesItem?.id ?? '',
        season,
        episode,
        category,
        language: random() < 0.9 ? creator.language : pick(LANGUAGES),
        tier,
        earlyAccessDays,
        availableToAllAt:
          earlyAccessDays === null
            ? null
            : new Date(publishedAt.getTime() + earlyAccessDays * 86_400_000).toISOString(),
        duration: durationBucket(durationSeconds),
        durationSeconds,
        publishedAt: publishedAt.toISOString(),
        popularity: views + 10 * likes,
        views,
        likes,
        trending: random() < 0.05 ? Math.round(random() * 1_000_000) / 1000 : 0,
      },
    });
  }
  return { videos, topCreatorHandle: mostVideos(videos) };
}

function mostVideos(videos) {
  const counts = new Map();
  for (const { body } of videos) counts.set(body.creatorHandle, (counts.get(body.creatorHandle) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * What fans send: searches (whole words, common and rare, several words, typos, facet filters, a category
 * browse without words) on `GET /v1/catalog`, and prefixes while typing on `GET /v1/catalog/suggest`.
 * One request in three is an autocomplete. `creator` is the handle with the most videos.
 */
export function requestMix(creator) {
  return [
    { kind: 'search', label: 'word "sourdough"', query: { q: 'sourdough' } },
    { kind: 'suggest', label: 'prefix "ho"', query: { q: 'ho' } },
    { kind: 'search', label: 'common word "tutorial"', query: { q: 'tutorial' } },
    { kind: 'search', label: 'words "jazz piano lesson"', query: { q: 'jazz piano lesson' } },
    { kind: 'suggest', label: 'prefix "sour"', query: { q: 'sour' } },
    { kind: 'search', label: 'typo "sourdugh bread"', query: { q: 'sourdugh bread' } },
    { kind: 'search', label: 'typo "guitr" + category music', query: { q: 'guitr', category: 'music' } },
    { kind: 'suggest', label: 'prefix, 2 words "guitar le"', query: { q: 'guitar le' } },
    {
      kind: 'search',
      label: 'word + tier + duration "beginner" free short',
      query: { q: 'beginner', tier: 'free', duration: 'short' },
    },
    { kind: 'search', label: `word + creator "review" @${creator}`, query: { q: 'review', creator } },
    { kind: 'suggest', label: 'prefix, 2 words "how to m"', query: { q: 'how to m' } },
    { kind: 'search', label: 'browse category cooking, newest', query: { category: 'cooking', sort: 'newest' } },
  ];
}

export function requestPath({ kind, query }) {
  const path = kind === 'suggest' ? '/v1/catalog/suggest' : '/v1/catalog';
  return `${path}?${new URLSearchParams(query).toString()}`;
}
