import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { changedScores, TrendRecompute } from '../../../domain/trending/trend-recompute.js';
import {
  DEFAULT_KIND_WEIGHTS,
  rank,
  scoreSubjects,
  type TrendingRules,
  type TrendSignal,
} from '../../../domain/trending/trend-scoring.js';
import {
  ActorTrust,
  TrendEligibility,
  TRENDING_KINDS,
  TRENDING_WINDOWS,
  TrendingCache,
  TrendingScoreStore,
  TrendSignals,
  WINDOW_MS,
  type EligibleTrendSignal,
  type TrendingKind,
  type TrendingScoreRow,
  type TrendingWindow,
} from '../trending-ports.js';

export interface RecomputeResult {
  computedAt: Date;
  /** Rows written to the read model (every list, window, language and category). */
  rows: number;
  /** Videos whose published score changed (told to the catalog). */
  changedVideos: number;
}

const ALL = '';

/**
 * Recomputes every trending list from the last 7 days of signals and replaces the read model in one
 * transaction, with the changed video scores as events (docs/adr/0038). Safe to run concurrently: the
 * store serialises runs.
 */
@Injectable()
export class RecomputeTrending {
  private readonly logger = new Logger('engagement.trending');

  constructor(
    private readonly signals: TrendSignals,
    private readonly store: TrendingScoreStore,
    private readonly eligibility: TrendEligibility,
    private readonly trust: ActorTrust,
    private readonly cache: TrendingCache,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async run(now: Date = new Date()): Promise<RecomputeResult> {
    const at = now.getTime();
    const candidates = await this.signals.eligibleSince(new Date(at - WINDOW_MS['7d']));
    // Suspended and banned creators drop out (trust & safety announces no sanction events yet, so ask).
    const creators = [...new Set(candidates.map((signal) => signal.creatorId))];
    const sanctions = await this.trust.sanctionsOf(creators);
    const recent = candidates.filter((signal) => !sanctions.has(signal.creatorId));
    const rows: TrendingScoreRow[] = [];
    let videoScores = new Map<string, number>();
    for (const window of TRENDING_WINDOWS) {
      const inWindow = recent.filter((signal) => signal.at.getTime() >= at - WINDOW_MS[window]);
      const rules = this.rulesFor(window);
      for (const kind of TRENDING_KINDS) {
        for (const [bucket, signals] of bucketed(inWindow, kind)) {
          const scores = scoreSubjects(signals, rules, at);
          const [language, category] = bucket.split('\u0000');
          // The catalog's sort=trending takes the 24 h score of every video, not only the listed ones.
          if (kind === 'video' && window === '24h' && language === ALL && category === ALL) videoScores = scores;
          rank(scores, this.config.trending.listSize).forEach(({ subject, score }, index) =>
            rows.push({ kind, window, language, category, rank: index + 1, subject, score }),
          );
        }
      }
    }
    const changed = await this.unitOfWork.transactional(async () => {
      await this.store.lock();
      await this.eligibility.recordSanctions(creators, sanctions, now);
      const changes = changedScores(await this.store.publishedVideoScores(), videoScores);
      await this.store.replace(rows, now);
      await this.store.rememberPublishedScores(changes);
      await this.store.saveRun(TrendRecompute.finished(newId(), now, changes));
      // A day past the longest window, so a late-arriving recompute still sees its signals.
      await this.signals.prune(new Date(at - WINDOW_MS['7d'] - WINDOW_MS['24h']));
      return changes.length;
    });
    await this.cache.invalidate();
    this.logger.debug(`trending recomputed: ${rows.length} rows, ${changed} video scores changed`);
    return { computedAt: now, rows: rows.length, changedVideos: changed };
  }

  private rulesFor(window: TrendingWindow): TrendingRules {
    const trending = this.config.trending;
    return {
      halfLifeMs: trending.halfLifeMs[window],
      kindWeights: DEFAULT_KIND_WEIGHTS,
      trustWeights: trending.trustWeights,
      brigade: trending.brigade,
      minScore: trending.minScore,
    };
  }
}

/** The signals of each list of one kind: every language and category, each language, each category, each pair. */
function bucketed(signals: readonly EligibleTrendSignal[], kind: TrendingKind): Map<string, TrendSignal[]> {
  const buckets = new Map<string, TrendSignal[]>();
  const put = (language: string, category: string, signal: TrendSignal) => {
    const key = `${language}\u0000${category}`;
    const list = buckets.get(key);
    if (list) list.push(signal);
    else buckets.set(key, [signal]);
  };
  for (const signal of signals) {
    for (const subject of subjectsOf(signal, kind)) {
      const trendSignal: TrendSignal = {
        subject,
        actorId: signal.actorId,
        kind: signal.kind,
        trustLevel: signal.trustLevel,
        at: signal.at.getTime(),
      };
      put(ALL, ALL, trendSignal);
      if (signal.language) put(signal.language, ALL, trendSignal);
      if (signal.category) put(ALL, signal.category, trendSignal);
      if (signal.language && signal.category) put(signal.language, signal.category, trendSignal);
    }
  }
  return buckets;
}

function subjectsOf(signal: EligibleTrendSignal, kind: TrendingKind): string[] {
  if (kind === 'video') return signal.videoId ? [signal.videoId] : [];
  if (kind === 'creator') return [signal.creatorId];
  return signal.kind === 'comment' ? signal.hashtags : [];
}
