import { Injectable } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { RealtimeEmitter } from '@lib/platform';
import { QueueUpdates } from '../../application/review-queue/queue-updates.js';
import { ReviewQueue, type ReviewItemView } from '../../application/review-queue/review-queue.js';
import { QUEUE_ITEM_CHANGED } from '../../application/realtime-events.js';

/** Moderators who subscribed (`moderation:subscribe`) share this room on every API node. */
export const MODERATION_QUEUE_ROOM = 'moderation:queue';

@Injectable()
export class SocketQueueUpdates extends QueueUpdates {
  constructor(
    private readonly queue: ReviewQueue,
    private readonly realtime: RealtimeEmitter,
    private readonly orm: MikroORM,
  ) {
    super();
  }

  async changed(itemId: string): Promise<void> {
    // After commit the transaction's context is gone: read the committed item in a fresh one.
    const item = await RequestContext.create(this.orm.em, () => this.queue.find(itemId));
    if (item) this.push(item);
  }

  push(item: ReviewItemView): void {
    this.realtime.toRoom(MODERATION_QUEUE_ROOM, QUEUE_ITEM_CHANGED, item);
  }
}
