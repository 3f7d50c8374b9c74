import type { InteractionSignal, PersonProfile, SignalKind } from './types.js';

const DAY_MS = 86_400_000;

/** A signal loses half its weight every 14 days: last month's taste still counts, last year's barely. */
export const SIGNAL_HALF_LIFE_DAYS = 14;

/** Serving records a `view` only once this much of the video was watched (a glance says nothing). */
export const VIEW_THRESHOLD_SECONDS = 30;

/**
 * Undecayed weight per kind. Watching to the end says most; a like or a save is deliberate; a view
 * past the threshold is weak. Ratings and watch time are scaled by their value (see `baseWeight`).
 */
export const SIGNAL_WEIGHTS: Readonly<Record<SignalKind, number>> = {
  completion: 3,
  like: 2,
  save: 2,
  comment: 1.5,
  view: 1,
  /** The ceiling that watch time saturates towards. */
  watch_time: 1.5,
  /** Per star away from 3: 5 stars = +2, 1 star = −2. */
  rating: 1,
  skip: -1.5,
  dislike: -3,
};

/** Watch time reaches 63 % of its ceiling after 10 minutes: hours of background play do not dominate. */
export const WATCH_TIME_SATURATION_SECONDS = 600;

/** The share of a weight left after `ageMs` (1 for now and for clock skew into the future). */
export function decay(ageMs: number, halfLifeMs = SIGNAL_HALF_LIFE_DAYS * DAY_MS): number {
  return ageMs <= 0 ? 1 : 0.5 ** (ageMs / halfLifeMs);
}

/** The weight of a signal before decay. */
export function baseWeight(kind: SignalKind, value: number): number {
  const weight = SIGNAL_WEIGHTS[kind];
  if (kind === 'rating') return (Math.min(5, Math.max(1, value)) - 3) * weight;
  if (kind === 'watch_time') return weight * (1 - Math.exp(-Math.max(0, value) / WATCH_TIME_SATURATION_SECONDS));
  return weight;
}

/** Decayed weight of one signal (negative for skips, dislikes and low ratings). */
export function signalWeight(signal: InteractionSignal, now: Date): number {
  return baseWeight(signal.kind, signal.value) * decay(now.getTime() - signal.at.getTime());
}

export interface ProfileOptions {
  /** How many positive videos `recent` keeps (the ranker reads the first ones). */
  recentLimit?: number;
  /** How many negative videos `disliked` keeps. */
  dislikedLimit?: number;
  followedCreators?: ReadonlySet<string>;
  hiddenCreators?: ReadonlySet<string>;
}

/**
 * A person's profile from their signals: one entry per video with the sum of its decayed weights,
 * videos with a positive sum in `recent` (latest interaction first), those with a negative sum in `disliked`
 * (most negative first); completed or disliked videos, and those whose sum is negative, in `excludedVideos`.
 */
export function profileFromSignals(
  signals: Iterable<InteractionSignal>,
  now: Date,
  options: ProfileOptions = {},
): PersonProfile {
  const perVideo = new Map<string, { weight: number; at: Date }>();
  const excluded = new Set<string>();
  for (const signal of signals) {
    if (signal.at.getTime() > now.getTime()) continue;
    const entry = perVideo.get(signal.videoId) ?? { weight: 0, at: signal.at };
    entry.weight += signalWeight(signal, now);
    if (signal.at > entry.at) entry.at = signal.at;
    perVideo.set(signal.videoId, entry);
    if (signal.kind === 'completion' || signal.kind === 'dislike') excluded.add(signal.videoId);
  }
  const recent: PersonProfile['recent'] = [];
  const disliked: NonNullable<PersonProfile['disliked']> = [];
  for (const [videoId, { weight, at }] of perVideo) {
    if (weight > 0) recent.push({ videoId, weight, at });
    else excluded.add(videoId);
    if (weight < 0) disliked.push({ videoId, weight });
  }
  recent.sort((a, b) => b.at.getTime() - a.at.getTime() || a.videoId.localeCompare(b.videoId));
  disliked.sort((a, b) => a.weight - b.weight || a.videoId.localeCompare(b.videoId));
  return {
    recent: recent.slice(0, options.recentLimit ?? 50),
    disliked: disliked.slice(0, options.dislikedLimit ?? 20),
    excludedVideos: excluded,
    followedCreators: options.followedCreators ?? new Set(),
    hiddenCreators: options.hiddenCreators ?? new Set(),
  };
}
