/** What a person did that can make something trend. */
export const TREND_SIGNAL_KINDS = ['like', 'completion', 'comment', 'follow'] as const;
export type TrendSignalKind = (typeof TREND_SIGNAL_KINDS)[number];

/** One interaction with one trending subject (a video, a creator or a hashtag). */
export interface TrendSignal {
  subject: string;
  actorId: string;
  kind: TrendSignalKind;
  /** The actor's trust level when they acted (0 = newest / unknown). */
  trustLevel: number;
  /** Epoch milliseconds. */
  at: number;
}

export interface BrigadeRules {
  /** Low-trust accounts acting on one subject within this many ms of each other form a group. */
  windowMs: number;
  /** A group this large (distinct accounts) is a brigade. */
  minAccounts: number;
  /** Accounts at or below this trust level can be part of a brigade. */
  maxTrustLevel: number;
  /** Factor (0–1) applied to every brigaded signal. */
  damping: number;
}

export interface TrendingRules {
  halfLifeMs: number;
  kindWeights: Readonly<Record<TrendSignalKind, number>>;
  /** Weight per trust level (index); levels past the end take the last weight. */
  trustWeights: readonly number[];
  brigade: BrigadeRules;
  /** Subjects scoring below this are not trending at all (Mastodon's threshold, after weighting). */
  minScore: number;
}

export const DEFAULT_KIND_WEIGHTS: Readonly<Record<TrendSignalKind, number>> = {
  like: 1,
  completion: 2,
  comment: 1.5,
  follow: 2,
};

/** The share of a signal's weight left after `ageMs` with the given half-life (1 for future or now). */
export function decay(ageMs: number, halfLifeMs: number): number {
  return ageMs <= 0 ? 1 : 0.5 ** (ageMs / halfLifeMs);
}

export function trustWeight(level: number, weights: readonly number[]): number {
  if (!weights.length) return 1;
  const index = Math.min(Math.max(0, Math.floor(level)), weights.length - 1);
  return weights[index];
}

/**
 * One account's burst on one subject counts once: of several signals of the same kind by the same
 * actor on the same subject, only the latest is kept.
 */
export function collapseBursts(signals: readonly TrendSignal[]): TrendSignal[] {
  const latest = new Map<string, TrendSignal>();
  for (const signal of signals) {
    const key = `${signal.subject}\u0000${signal.actorId}\u0000${signal.kind}`;
    const kept = latest.get(key);
    if (!kept || kept.at < signal.at) latest.set(key, signal);
  }
  return [...latest.values()];
}

/**
 * The signals of one subject that belong to a brigade: low-trust accounts of which at least
 * `minAccounts` distinct ones acted within `windowMs` of the signal (either side).
 */
export function brigadedSignals(signals: readonly TrendSignal[], rules: BrigadeRules): Set<TrendSignal> {
  const low = signals.filter((signal) => signal.trustLevel <= rules.maxTrustLevel).sort((a, b) => a.at - b.at);
  const brigaded = new Set<TrendSignal>();
  if (low.length < rules.minAccounts) return brigaded;
  const inWindow = new Map<string, number>();
  const add = (actor: string) => inWindow.set(actor, (inWindow.get(actor) ?? 0) + 1);
  const remove = (actor: string) => {
    const left = (inWindow.get(actor) ?? 0) - 1;
    if (left > 0) inWindow.set(actor, left);
    else inWindow.delete(actor);
  };
  // Two pointers: [from, to) holds the low-trust signals within windowMs of the current one.
  let from = 0;
  let to = 0;
  for (const signal of low) {
    while (to < low.length && low[to].at <= signal.at + rules.windowMs) add(low[to++].actorId);
    while (low[from].at < signal.at - rules.windowMs) remove(low[from++].actorId);
    if (inWindow.size >= rules.minAccounts) brigaded.add(signal);
  }
  return brigaded;
}

/**
 * Time-decayed, trust-weighted, brigade-damped score of each subject at `now`; subjects below
 * `minScore` are left out (they are not trending).
 */
export function scoreSubjects(signals: readonly TrendSignal[], rules: TrendingRules, now: number): Map<string, number> {
  const bySubject = new Map<string, TrendSignal[]>();
  for (const signal of collapseBursts(signals)) {
    const list = bySubject.get(signal.subject);
    if (list) list.push(signal);
    else bySubject.set(signal.subject, [signal]);
  }
  const scores = new Map<string, number>();
  for (const [subject, list] of bySubject) {
    const brigaded = brigadedSignals(list, rules.brigade);
    let score = 0;
    for (const signal of list) {
      score +=
        rules.kindWeights[signal.kind] *
        trustWeight(signal.trustLevel, rules.trustWeights) *
        decay(now - signal.at, rules.halfLifeMs) *
        (brigaded.has(signal) ? rules.brigade.damping : 1);
    }
    if (score >= rules.minScore) scores.set(subject, score);
  }
  return scores;
}

/** Highest score first; equal scores by subject, so ranks are stable between recomputes. */
export function rank(scores: ReadonlyMap<string, number>, limit: number): Array<{ subject: string; score: number }> {
  return [...scores]
    .map(([subject, score]) => ({ subject, score }))
    .sort((a, b) => b.score - a.score || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0))
    .slice(0, limit);
}
