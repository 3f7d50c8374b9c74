import { AggregateRoot, DomainEvent } from '@lib/platform/ddd';

/** A video's published trending score moved (0: it left the list). */
export interface VideoScoreChange {
  videoId: string;
  score: number;
}

/** At most this many changed scores travel in one event. */
export const SCORE_CHANGES_PER_EVENT = 500;

export class VideoTrendScoresChanged extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly scores: VideoScoreChange[],
    readonly computedAt: Date,
  ) {
    super();
  }
}

/**
 * One run of the trending job. Saving it records the changed video scores as events in batches,
 * so they reach the outbox in the same transaction that replaced the read model.
 */
export class TrendRecompute extends AggregateRoot {
  readonly id!: string;
  readonly computedAt!: Date;
  readonly changedScores!: number;

  private constructor() {
    super();
  }

  static finished(id: string, computedAt: Date, changes: readonly VideoScoreChange[]): TrendRecompute {
    const run = Object.assign(new TrendRecompute(), { id, computedAt, changedScores: changes.length });
    for (let start = 0; start < changes.length; start += SCORE_CHANGES_PER_EVENT)
      run.record(new VideoTrendScoresChanged(id, changes.slice(start, start + SCORE_CHANGES_PER_EVENT), computedAt));
    return run;
  }
}

/**
 * A score within this share of the one last published is not a change worth telling the catalog:
 * decay alone scales every score alike, which keeps the catalog's order right.
 */
export const SCORE_TOLERANCE = 0.05;

/** The videos whose score differs from what was last published (new, moved or gone: gone is 0). */
export function changedScores(
  previous: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
): VideoScoreChange[] {
  const changes: VideoScoreChange[] = [];
  for (const [videoId, score] of current) {
    const before = previous.get(videoId);
    if (before === undefined || Math.abs(before - score) > SCORE_TOLERANCE * Math.max(before, score))
      changes.push({ videoId, score });
  }
  for (const [videoId, before] of previous)
    if (!current.has(videoId) && before !== 0) changes.push({ videoId, score: 0 });
  return changes.sort((a, b) => (a.videoId < b.videoId ? -1 : 1));
}
