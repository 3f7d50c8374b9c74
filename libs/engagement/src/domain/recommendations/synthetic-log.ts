import type { Follow, InteractionLog } from './interaction-log.js';
import { seededRandom } from './random.js';
import type { InteractionSignal, VideoFeatures } from './types.js';

const DAY_MS = 86_400_000;

export interface SyntheticLogOptions {
  seed?: number;
  people?: number;
  videos?: number;
  creators?: number;
  /** The log covers this many days, ending at `end`. */
  days?: number;
  end?: Date;
  /** Average interactions (videos) per person. */
  interactionsPerPerson?: number;
}

/** Each category's vocabulary: tags and title/description words are drawn from it. */
const CATEGORIES: Record<string, string[]> = {
  cooking: 'recipe pasta bake kitchen chef dinner bread sauce vegan dessert grill soup spice noodle'.split(' '),
  gaming: 'speedrun boss quest console pixel shooter strategy rpg multiplayer level loot arcade esports mod'.split(' '),
  music: 'guitar piano cover concert album beat vocal jazz synth drums chord melody lyrics band'.split(' '),
  fitness: 'workout yoga cardio strength stretch running squat pilates muscle hiit mobility core gym reps'.split(' '),
  travel:
    'journey island backpack hostel flight mountain beach roadtrip city hiking itinerary passport temple ferry'.split(
      ' ',
    ),
  tech: 'laptop smartphone review unboxing gadget linux coding chip battery camera keyboard server robot app'.split(
    ' ',
  ),
  comedy: 'sketch standup prank parody skit roast impression joke blooper satire improv sitcom punchline meme'.split(
    ' ',
  ),
  science:
    'physics chemistry space biology experiment telescope quantum fossil climate atom planet lab genome volcano'.split(
      ' ',
    ),
  diy: 'woodworking repair craft tools build garden paint sewing restore furniture workshop drill upcycle pottery'.split(
    ' ',
  ),
  fashion:
    'outfit style makeup skincare haul runway sneakers vintage wardrobe hair thrift designer jewelry lookbook'.split(
      ' ',
    ),
  finance: 'budget invest stocks savings crypto retire tax income index dividend mortgage frugal market wealth'.split(
    ' ',
  ),
  pets: 'puppy kitten dog cat training aquarium parrot rescue grooming hamster vet adoption leash litter'.split(' '),
};
const GENERAL = 'best guide easy ultimate beginner tips daily challenge explained story weekly quick top honest'.split(
  ' ',
);
const LANGUAGES = ['en', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'fr', 'es'];

/**
 * A seeded interaction log with a planted structure, for the offline evaluation and its test:
 * - taste groups: each person loves one category (sometimes a second one) and mostly watches it;
 * - creator affinities: each person has three favourite creators (mostly of their categories) and
 *   follows some of them; creators post mostly in one category, some in series;
 * - popularity skew: videos' appeal follows a Zipf law times their creator's quality;
 * - sessions: a quarter of picks continue from the last video (same series or creator);
 * - noise: 15 % of picks are anything popular, mostly disliked (skips, short watch time).
 * The same options always give the same log.
 */
export function generateSyntheticLog(options: SyntheticLogOptions = {}): InteractionLog {
  const random = seededRandom(options.seed ?? 1);
  const peopleCount = options.people ?? 1_500;
  const videoCount = options.videos ?? 1_200;
  const creatorCount = options.creators ?? Math.max(4, Math.round(videoCount / 10));
  const days = options.days ?? 60;
  const end = (options.end ?? new Date('2026-12-01T00:00:00Z')).getTime();
  const start = end - days * DAY_MS;
  const perPerson = options.interactionsPerPerson ?? 20;
  const categories = Object.keys(CATEGORIES);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  const creators = Array.from({ length: creatorCount }, (_, i) => ({
    id: `creator-${pad(i, 4)}`,
    category: categories[i % categories.length],
    language: pick(LANGUAGES),
    quality: Math.exp(random() * 1.5),
    typicalDuration: pick([90, 480, 1_500, 4_000]),
    series: random() < 0.3 ? `series-${pad(i, 4)}` : null,
    output: 0.3 + random() ** 2,
  }));
  const creatorPicker = weighted(
    creators.map((creator) => creator.output),
    random,
  );
  const appealRank = shuffled(
    Array.from({ length: videoCount }, (_, i) => i),
    random,
  );

  const videos: VideoFeatures[] = [];
  const appeal: number[] = [];
  const creatorOf: number[] = [];
  for (let i = 0; i < videoCount; i++) {
    const creatorIndex = creatorPicker();
    const creator = creators[creatorIndex];
    const category = random() < 0.85 ? creator.category : pick(categories);
    const words = CATEGORIES[category];
    const tags = new Set(Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(words)));
    if (random() < 0.3) tags.add(pick(GENERAL));
    const title = [pick(GENERAL), pick(words), pick(words), random() < 0.5 ? pick(GENERAL) : pick(words)].join(' ');
    const description = Array.from({ length: 8 + Math.floor(random() * 8) }, () =>
      random() < 0.6 ? pick(words) : pick(GENERAL),
    ).join(' ');
    videos.push({
      videoId: `video-${pad(i, 5)}`,
      creatorId: creator.id,
      category,
      language: creator.language,
      tags: [...tags],
      seriesId: creator.series && random() < 0.5 ? creator.series : null,
      durationSeconds: Math.round(creator.typicalDuration * (0.5 + random())),
      title,
      description,
      // Three quarters existed before the log starts; the rest appear during it.
      publishedAt: new Date(random() < 0.75 ? start - random() * 90 * DAY_MS : start + random() * (days - 3) * DAY_MS),
    });
    appeal.push(creator.quality / (1 + appealRank[i]) ** 0.9);
    creatorOf.push(creatorIndex);
  }

  const byCategory = new Map<string, number[]>(categories.map((category) => [category, []]));
  const byCreator = new Map<number, number[]>();
  videos.forEach((video, i) => {
    byCategory.get(video.category as string)?.push(i);
    const own = byCreator.get(creatorOf[i]);
    if (own) own.push(i);
    else byCreator.set(creatorOf[i], [i]);
  });
  const pickers = {
    all: pickerOver(
      videos.map((_, i) => i),
      (i) => appeal[i],
      random,
    ),
    category: new Map(categories.map((c) => [c, pickerOver(byCategory.get(c) ?? [], (i) => appeal[i] ** 0.6, random)])),
    creator: new Map([...byCreator].map(([c, list]) => [c, pickerOver(list, (i) => appeal[i] ** 0.5, random)])),
  };
  const creatorsIn = new Map(
    categories.map((c) => [c, creators.map((_, i) => i).filter((i) => creators[i].category === c)]),
  );

  const signals: InteractionSignal[] = [];
  const follows: Follow[] = [];
  for (let p = 0; p < peopleCount; p++) {
    const personId = `person-${pad(p, 5)}`;
    const taste = [pick(categories)];
    if (random() < 0.4) taste.push(pick(categories.filter((c) => c !== taste[0])));
    const favourites = Array.from({ length: 3 }, () => {
      const pool = creatorsIn.get(random() < 0.8 ? taste[0] : pick(taste)) ?? [];
      return pool.length ? pick(pool) : Math.floor(random() * creators.length);
    });
    let at = start + random() * (days - 15) * DAY_MS;
    for (const creator of new Set(favourites))
      if (random() < 0.5) follows.push({ personId, creatorId: creators[creator].id, at: new Date(at) });
    const count = 5 + Math.floor(-Math.log(1 - random()) * (perPerson - 5));
    const gap = (end - at) / (count + 1);
    const watched = new Set<number>();
    let last = -1;
    for (let n = 0; n < count; n++) {
      at += gap * (0.2 + random() * 1.6);
      if (at >= end) break;
      let chosen = -1;
      let noise = false;
      for (let attempt = 0; attempt < 12 && chosen < 0; attempt++) {
        const draw = random();
        let candidate: number;
        noise = false;
        if (last >= 0 && draw < 0.25) {
          const previous = videos[last];
          const siblings = byCreator.get(creatorOf[last]) ?? [];
          const series = previous.seriesId ? siblings.filter((i) => videos[i].seriesId === previous.seriesId) : [];
          candidate = pick(series.length > 1 ? series : siblings);
        } else if (draw < 0.45) candidate = pickers.creator.get(pick(favourites))?.() ?? pickers.all();
        else if (draw < 0.85)
          candidate = pickers.category.get(random() < 0.7 ? taste[0] : pick(taste))?.() ?? pickers.all();
        else [candidate, noise] = [pickers.all(), true];
        if (candidate >= 0 && !watched.has(candidate) && videos[candidate].publishedAt.getTime() <= at)
          chosen = candidate;
      }
      if (chosen < 0) continue;
      watched.add(chosen);
      const video = videos[chosen];
      const enjoyed = noise ? taste.includes(video.category as string) || random() < 0.25 : random() < 0.9;
      signals.push(...reaction(personId, video, new Date(at), enjoyed, random));
      if (enjoyed) last = chosen;
    }
  }
  signals.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { signals, follows, videos };
}

/** What one viewing leaves behind: enjoyed ones are watched long, often finished, sometimes liked. */
function reaction(
  personId: string,
  video: VideoFeatures,
  at: Date,
  enjoyed: boolean,
  random: () => number,
): InteractionSignal[] {
  const signals: InteractionSignal[] = [];
  const emit = (kind: InteractionSignal['kind'], value = 1, afterSeconds = 0) =>
    signals.push({ personId, videoId: video.videoId, kind, value, at: new Date(at.getTime() + afterSeconds * 1_000) });
  const duration = video.durationSeconds ?? 600;
  if (enjoyed) {
    emit('view');
    emit('watch_time', Math.round(duration * (0.6 + random() * 0.4)), 30);
    if (random() < 0.7) emit('completion', 1, duration);
    if (random() < 0.35) emit('like', 1, 60);
    if (random() < 0.1) emit('save', 1, 60);
    if (random() < 0.1) emit('rating', random() < 0.6 ? 5 : 4, 90);
    if (random() < 0.05) emit('comment', 1, 120);
  } else if (random() < 0.5) {
    emit('skip');
  } else {
    emit('view');
    emit('watch_time', Math.round(Math.min(duration, 60) * random()), 30);
    if (random() < 0.1) emit('dislike', 1, 40);
    if (random() < 0.05) emit('rating', 1 + Math.floor(random() * 2), 60);
  }
  return signals;
}

/** A draw of an index with probability proportional to its weight (binary search over the running sum). */
function weighted(weights: readonly number[], random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += weight));
  return () => {
    const target = random() * total;
    let [low, high] = [0, cumulative.length - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

function pickerOver(items: readonly number[], weight: (item: number) => number, random: () => number): () => number {
  if (!items.length) return () => -1;
  const draw = weighted(items.map(weight), random);
  return () => items[draw()];
}

function shuffled<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
