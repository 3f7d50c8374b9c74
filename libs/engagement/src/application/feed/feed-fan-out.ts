import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import { FeedFanOutBatches, FeedInbox, type FeedFanOutJob, type FeedItemRef } from './feed-inbox.js';
import { FEED_ITEM } from '../realtime-events.js';

/**
 * Fan-out on write for ordinary creators: a chain of jobs, each delivering the item to the next batch
 * of followers' inboxes (one transaction), trimming them, and pushing `feed:item` after its commit.
 * Creators above FEED_BIG_CREATOR_FOLLOWERS are skipped: feeds merge their items on read (ADR 0037).
 */
@Injectable()
export class FeedFanOut {
  constructor(
    private readonly inbox: FeedInbox,
    private readonly batches: FeedFanOutBatches,
    private readonly unitOfWork: UnitOfWork,
    private readonly realtime: RealtimeEmitter,
    private readonly config: AppConfig,
  ) {}

  /** Starts delivering an item; false when its creator is merged on read (nothing to write). */
  async start(item: FeedItemRef): Promise<boolean> {
    if (await this.inbox.mergedOnRead(item.authorId, this.config.feed.bigCreatorFollowers)) return false;
    await this.batches.queue({
      type: item.type,
      itemId: item.itemId,
      authorId: item.authorId,
      publishedAt: item.publishedAt.toISOString(),
      afterFollowerId: null,
    });
    return true;
  }

  /** Delivers one batch; returns how many followers it covered. A retried batch writes nothing twice. */
  async runBatch(job: FeedFanOutJob): Promise<number> {
    const { fanOutBatchSize, inboxCap } = this.config.feed;
    const ids = await this.inbox.followerBatch(job.authorId, job.afterFollowerId, fanOutBatchSize);
    if (!ids.length) return 0;
    const item: FeedItemRef = {
      type: job.type,
      itemId: job.itemId,
      authorId: job.authorId,
      publishedAt: new Date(job.publishedAt),
    };
    await this.unitOfWork.transactional(async () => {
      const reached = await this.inbox.deliver(ids, item);
      await this.inbox.trim(ids, inboxCap);
      const payload = { type: item.type, id: item.itemId, authorId: item.authorId, publishedAt: job.publishedAt };
      this.unitOfWork.afterCommit(() => this.realtime.toUsers(reached, FEED_ITEM, payload));
    });
    if (ids.length === fanOutBatchSize) await this.batches.queue({ ...job, afterFollowerId: ids[ids.length - 1] });
    return ids.length;
  }
}
