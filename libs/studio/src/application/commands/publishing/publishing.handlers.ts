import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '@lib/platform';
import type { BatchItemReport } from '../../../domain/library/library.js';
import { Publisher } from '../../publishing/publisher.js';
import { VideoViews } from '../../queries/videos/video.views.js';
import { VideoGate } from '../../video-gate.js';
import { BulkPublishCommand, PublishVideoCommand, UnpublishVideoCommand } from './publishing.commands.js';

@CommandHandler(PublishVideoCommand)
export class PublishVideoHandler implements ICommandHandler<PublishVideoCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly publisher: Publisher,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId, at, timeZone }: PublishVideoCommand) {
    const { video, channel } = await this.gate.require(userId, videoId, 'editor');
    await this.publisher.publish(video, channel, { at, timeZone });
    return this.views.of(video);
  }
}

@CommandHandler(UnpublishVideoCommand)
export class UnpublishVideoHandler implements ICommandHandler<UnpublishVideoCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly publisher: Publisher,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId }: UnpublishVideoCommand) {
    const { video, channel } = await this.gate.require(userId, videoId, 'editor');
    await this.publisher.unpublish(video, channel);
    return this.views.of(video);
  }
}

@CommandHandler(BulkPublishCommand)
export class BulkPublishHandler implements ICommandHandler<BulkPublishCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly publisher: Publisher,
    private readonly em: EntityManager,
  ) {}

  async execute({ userId, videoIds, publish, at, timeZone }: BulkPublishCommand) {
    const items: BatchItemReport[] = [];
    for (const id of videoIds) {
      try {
        const { video, channel } = await this.gate.require(userId, id, 'editor');
        if (publish) await this.publisher.publish(video, channel, { at, timeZone });
        else await this.publisher.unpublish(video, channel);
        items.push({ id, ok: true, state: video.state });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        items.push({ id, ok: false, code: error.code, message: error.message });
      }
      // Each item stands alone: nothing from a refused one lingers in the identity map.
      this.em.clear();
    }
    return { items };
  }
}
