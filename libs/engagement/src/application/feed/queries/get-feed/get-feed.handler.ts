import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BillingApi } from '@lib/billing/contracts';
import { decodeKeysetCursor, encodeKeysetCursor, type Page } from '@lib/platform';
import { FeedReadModel, type FeedEntry } from '../../feed.read-model.js';
import { GetFeedQuery } from './get-feed.query.js';

/**
 * The viewer's activity feed, keyset-paged on (published_at, id). Videos their plan does not open
 * stay in the feed marked `locked` (one entitlement read per page), as a store window would show them.
 */
@QueryHandler(GetFeedQuery)
export class GetFeedHandler implements IQueryHandler<GetFeedQuery> {
  constructor(
    private readonly feed: FeedReadModel,
    private readonly billing: BillingApi,
  ) {}

  async execute({ viewerId, limit, cursor }: GetFeedQuery): Promise<Page<FeedEntry>> {
    const rows = await this.feed.page(viewerId, decodeKeysetCursor(cursor), limit + 1);
    const page = rows.slice(0, limit);
    const needsPlan = page.some(
      (entry) => entry.video && (entry.video.accessLevel !== 'free' || entry.video.earlyAccessUntil),
    );
    const entitlements = needsPlan
      ? ((await this.billing.entitlementsOf(viewerId)).entitlements as Record<string, unknown>)
      : {};
    const items = page.map((entry) => ({ ...entry, locked: lockedFor(entry, entitlements) }));
    const last = items[items.length - 1];
    return rows.length > limit && last
      ? { items, nextCursor: encodeKeysetCursor(new Date(last.publishedAt), last.id) }
      : { items };
  }
}

/** Studio's playback rule without the team exception (a creator's own uploads are not in their feed). */
export function lockedFor(entry: Omit<FeedEntry, 'locked'>, entitlements: Record<string, unknown>): boolean {
  const video = entry.video;
  if (!video) return false;
  if (video.accessLevel !== 'free' && !entitlements[video.accessLevel]) return true;
  return video.earlyAccessUntil !== null && !entitlements.early_access;
}
