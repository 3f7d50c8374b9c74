import { Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '@config';
import { BillingApi } from '@lib/billing/contracts';
import { Experiments, type ExperimentAssignment, type ExperimentSubject } from '@lib/insights/contracts';
import { newId } from '@lib/platform/ddd';
import {
  profileFromSignals,
  rank,
  STRATEGIES,
  type HybridInput,
  type PersonProfile,
  type RankedItem,
  type Strategy,
} from '../../domain/recommendations/recommender.js';
import { VideoNotFoundError } from '../../domain/watchable-video/watchable-video.errors.js';
import {
  RecommendationCache,
  RecommendationReadModel,
  SHARED_CACHE_OWNER,
  ANONYMOUS_CACHE_OWNER,
  type CandidateFilter,
  type PersonSignals,
  type RecommendableVideo,
} from './recommendation-ports.js';
import type { RecommendationItemView, RecommendationsView } from './recommendation-views.js';

/** Signals read per request: the person's recent taste. */
const SIGNALS_READ = 200;
/** Recent videos whose neighbours become candidates. */
const SEEDS = 20;
/** Turned-down videos whose neighbours are pushed down. */
const DISLIKED_SEEDS = 10;
const POPULAR = 200;
const FROM_FOLLOWED = 30;
export const SURFACES = { home: 'recommendations.home', similar: 'recommendations.similar' } as const;

type CachedList = Omit<RecommendationsView, 'impressionId'>;

/**
 * Serving: read everything the models need from the read models, rank with the pure models
 * (`domain/recommendations`), then apply what the viewer's plan can play. Lists are cached per
 * person until their next interaction (or the TTL); the impression id is new on every response.
 */
@Injectable()
export class RecommendationServing {
  constructor(
    private readonly reads: RecommendationReadModel,
    private readonly cache: RecommendationCache,
    private readonly billing: BillingApi,
    private readonly config: AppConfig,
    @Optional() private readonly experiments?: Experiments,
  ) {}

  async home(personId: string | null, count: number, filter: CandidateFilter): Promise<RecommendationsView> {
    // Logged out, the home feed is trending and new whatever the strategy: no arm to assign.
    const assignment = personId ? await this.assign(SURFACES.home, { personId }) : null;
    const strategy = strategyOf(assignment);
    const owner = personId ?? ANONYMOUS_CACHE_OWNER;
    const key = `home:${assignment?.experimentId ?? ''}:${strategy}:${count}:${filter.category ?? ''}:${filter.creatorId ?? ''}`;
    return this.cached(owner, key, async () => {
      const items = personId
        ? await this.personal(personId, count, filter, strategy)
        : await this.loggedOut(count, filter);
      return { strategy: personId ? strategy : 'popularity', experiment: experimentOf(assignment), items };
    });
  }

  async similar(
    videoId: string,
    viewerId: string | null,
    count: number,
    sessionId: string | null = null,
  ): Promise<RecommendationsView> {
    const video = (await this.reads.videos([videoId])).get(videoId);
    if (!video) throw new VideoNotFoundError(videoId);
    const subject = viewerId ? { personId: viewerId } : sessionId ? { anonymousId: sessionId } : null;
    const assignment = subject ? await this.assign(SURFACES.similar, subject) : null;
    const strategy = strategyOf(assignment);
    const key = `similar:${videoId}:${assignment?.experimentId ?? ''}:${strategy}:${count}`;
    return this.cached(viewerId ?? ANONYMOUS_CACHE_OWNER, key, async () => {
      const now = new Date();
      const viewer = viewerId ? profileOf(await this.reads.personSignals(viewerId, SIGNALS_READ), now) : emptyProfile();
      // The video itself is the only taste that counts here; the viewer's exclusions and blocks still apply.
      const person: PersonProfile = {
        ...viewer,
        recent: [{ videoId, weight: 1, at: now }],
        excludedVideos: new Set([...viewer.excludedVideos, videoId]),
      };
      const category = video.category ? { category: video.category } : {};
      const [popular, neighbours] = await Promise.all([this.popular(category), this.reads.neighbours([videoId])]);
      const ranked = await this.ranked(person, neighbours, strategy, count, {}, popular, []);
      return { strategy, experiment: experimentOf(assignment), items: await this.present(ranked, viewerId, count) };
    });
  }

  private async personal(
    personId: string,
    count: number,
    filter: CandidateFilter,
    strategy: Strategy,
  ): Promise<RecommendationItemView[]> {
    const profile = profileOf(await this.reads.personSignals(personId, SIGNALS_READ), new Date());
    // Neighbours of what the person turned down too: the ranker pushes those down.
    const seeds = [...profile.recent.slice(0, SEEDS), ...(profile.disliked ?? []).slice(0, DISLIKED_SEEDS)].map(
      (entry) => entry.videoId,
    );
    const [popular, fromFollowed, neighbours] = await Promise.all([
      this.popular(filter),
      profile.followedCreators.size ? this.reads.fromFollowed(personId, FROM_FOLLOWED) : Promise.resolve([]),
      this.reads.neighbours(seeds),
    ]);
    const ranked = await this.ranked(profile, neighbours, strategy, count, filter, popular, fromFollowed);
    return this.present(ranked, personId, count);
  }

  private async ranked(
    person: PersonProfile,
    { coWatch, content }: Pick<HybridInput, 'coWatch' | 'content'>,
    strategy: Strategy,
    count: number,
    filter: CandidateFilter,
    popular: Array<{ videoId: string; score: number }>,
    fromFollowed: string[],
  ): Promise<{ items: RankedItem[]; videos: Map<string, RecommendableVideo> }> {
    const candidates = new Set<string>([...popular.map((item) => item.videoId), ...fromFollowed]);
    for (const lists of [coWatch, content])
      for (const neighbours of lists.values()) for (const neighbour of neighbours) candidates.add(neighbour.videoId);
    const videos = await this.reads.videos([...candidates]);
    const input: HybridInput = { person, coWatch, content, features: videos, popular, fromFollowed, now: new Date() };
    // Dropping what the plan cannot play leaves gaps: ask for more, trim after.
    const wanted = this.config.recommendations.lockedVideos === 'drop' ? Math.min(count * 2, 100) : count;
    const items = rank(input, { count: wanted, strategy, ...filter, seed: seedOf(person) });
    return { items, videos };
  }

  private async loggedOut(count: number, filter: CandidateFilter): Promise<RecommendationItemView[]> {
    const [trending, newest] = await Promise.all([
      this.reads.trending(count, filter),
      this.reads.newest(count * 2, filter),
    ]);
    const seen = new Set<string>();
    const items: RankedItem[] = [];
    const total = trending.length + newest.length;
    for (const [index, videoId] of [...trending, ...newest].entries()) {
      if (seen.has(videoId)) continue;
      seen.add(videoId);
      const reason = index < trending.length ? 'trending' : 'new';
      items.push({ videoId, score: total - index, reason, basedOn: null });
    }
    const videos = await this.reads.videos(items.map((item) => item.videoId));
    return this.present({ items, videos }, null, count);
  }

  /** Display fields and playability; the team exception of studio's rule is not applied (as in feeds). */
  private async present(
    ranked: { items: RankedItem[]; videos: Map<string, RecommendableVideo> },
    viewerId: string | null,
    count: number,
  ): Promise<RecommendationItemView[]> {
    const listed = ranked.items.filter((item) => ranked.videos.has(item.videoId));
    const paywalled = (video: RecommendableVideo) => video.accessLevel !== 'free' || video.earlyAccessUntil !== null;
    const needsPlan = listed.some((item) => paywalled(ranked.videos.get(item.videoId)!));
    const entitlements =
      needsPlan && viewerId
        ? ((await this.billing.entitlementsOf(viewerId)).entitlements as Record<string, unknown>)
        : {};
    const drop = this.config.recommendations.lockedVideos === 'drop';
    const items: RecommendationItemView[] = [];
    for (const item of listed) {
      const video = ranked.videos.get(item.videoId)!;
      const locked =
        (video.accessLevel !== 'free' && !entitlements[video.accessLevel]) ||
        (video.earlyAccessUntil !== null && !entitlements.early_access);
      if (locked && drop) continue;
      items.push({
        videoId: video.videoId,
        title: video.title,
        channelId: video.channelId,
        creatorId: video.creatorId,
        category: video.category,
        language: video.language,
        tags: video.tags,
        durationSeconds: video.durationSeconds,
        publishedAt: video.publishedAt.toISOString(),
        accessLevel: video.accessLevel,
        upgradeRequired: locked,
        reason: item.reason,
        basedOn: item.basedOn,
        score: Math.round(item.score * 10_000) / 10_000,
      });
      if (items.length === count) break;
    }
    return items;
  }

  /** Popular candidates are the same for everyone: shared in the cache. */
  private async popular(filter: CandidateFilter) {
    const key = `popular:${filter.category ?? ''}:${filter.creatorId ?? ''}`;
    const cached = await this.cache.get<Array<{ videoId: string; score: number }>>(SHARED_CACHE_OWNER, key);
    if (cached) return cached;
    const popular = await this.reads.popular(POPULAR, filter);
    await this.cache.set(SHARED_CACHE_OWNER, key, popular);
    return popular;
  }

  private async cached(owner: string, key: string, build: () => Promise<CachedList>): Promise<RecommendationsView> {
    const hit = await this.cache.get<CachedList>(owner, key);
    const list = hit ?? (await build());
    if (!hit) await this.cache.set(owner, key, list);
    return { impressionId: newId(), ...list };
  }

  /** No experiment port, none running, or it failing: the default strategy. */
  private async assign(surface: string, subject: ExperimentSubject): Promise<ExperimentAssignment | null> {
    if (!this.experiments) return null;
    try {
      return await this.experiments.assign(surface, subject);
    } catch {
      return null;
    }
  }
}

function strategyOf(assignment: ExperimentAssignment | null): Strategy {
  const arm = assignment?.arm as Strategy | undefined;
  return arm && STRATEGIES.includes(arm) ? arm : 'hybrid';
}

/** Only an arm actually served is reported: an arm naming no strategy we know was served as hybrid. */
function experimentOf(assignment: ExperimentAssignment | null) {
  return assignment && STRATEGIES.includes(assignment.arm as Strategy)
    ? { id: assignment.experimentId, arm: assignment.arm }
    : null;
}

function emptyProfile(): PersonProfile {
  return { recent: [], excludedVideos: new Set(), followedCreators: new Set(), hiddenCreators: new Set() };
}

/** The person's taste as the models define it (`profileFromSignals`: decayed sums, exclusions). */
export function profileOf(person: PersonSignals, now: Date): PersonProfile {
  return profileFromSignals(person.signals, now, {
    followedCreators: new Set(person.followedCreators),
    hiddenCreators: new Set(person.hiddenCreators),
  });
}

/** A stable seed per taste, so the `random` arm answers the same list until the person acts. */
function seedOf(person: PersonProfile): number {
  let hash = 0;
  for (const char of person.recent.map((entry) => entry.videoId).join()) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(hash);
}
