import { randomUUID } from 'node:crypto';
import { ViewCountBatch, ViewCountBatchRepository, ViewsCounted, type VideoViews } from '../domain/view-count-batch.js';
import { VideoViewTotals, ViewCountPublisher } from './view-counts.js';

class FixedTotals extends VideoViewTotals {
  asked: Date[][] = [];
  constructor(private readonly totals: VideoViews[]) {
    super();
  }
  async ofVideosIn(hours: Date[]): Promise<VideoViews[]> {
    this.asked.push(hours);
    return this.totals;
  }
}

class RecordedBatches extends ViewCountBatchRepository {
  saved: ViewCountBatch[] = [];
  async addAll(batches: ViewCountBatch[]): Promise<void> {
    this.saved.push(...batches);
  }
}

describe('ViewCountPublisher', () => {
  const views = (n: number) => Array.from({ length: n }, (_, i) => ({ videoId: randomUUID(), views: i }));

  it('announces every touched video once, 500 per event, all stamped with one countedAt', async () => {
    const totals = new FixedTotals(views(1_201));
    const batches = new RecordedBatches();
    expect(await new ViewCountPublisher(totals, batches).publish([new Date('2026-12-03T05:00:00Z')])).toBe(1_201);
    expect(batches.saved.map((batch) => batch.counts.length)).toEqual([500, 500, 201]);
    const events = batches.saved.flatMap((batch) => batch.pullDomainEvents());
    expect(events.every((event) => event instanceof ViewsCounted)).toBe(true);
    expect(new Set(events.map((event) => (event as ViewsCounted).countedAt.getTime())).size).toBe(1);
    expect(new Set(events.flatMap((event) => (event as ViewsCounted).counts.map((c) => c.videoId))).size).toBe(1_201);
  });

  it('publishes nothing when no hour was rebuilt or no video was touched', async () => {
    const batches = new RecordedBatches();
    const totals = new FixedTotals([]);
    expect(await new ViewCountPublisher(totals, batches).publish([])).toBe(0);
    expect(totals.asked).toEqual([]);
    expect(await new ViewCountPublisher(totals, batches).publish([new Date()])).toBe(0);
    expect(batches.saved).toEqual([]);
  });

  it('refuses an empty or oversized batch', () => {
    expect(() => ViewCountBatch.count(randomUUID(), new Date(), [])).toThrow(RangeError);
    expect(() => ViewCountBatch.count(randomUUID(), new Date(), views(501))).toThrow(RangeError);
  });
});
