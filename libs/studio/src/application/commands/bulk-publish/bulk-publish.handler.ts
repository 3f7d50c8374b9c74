import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@lib/platform';
import type { BatchItemReport } from '../../../domain/library/library.js';
import { PersistenceScope } from '../../persistence-scope.js';
import { Publisher } from '../../publishing/publisher.js';
import { VideoGate } from '../../video-gate.js';
import { BulkPublishCommand } from './bulk-publish.command.js';

@CommandHandler(BulkPublishCommand)
export class BulkPublishHandler implements ICommandHandler<BulkPublishCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly publisher: Publisher,
    private readonly scope: PersistenceScope,
  ) {}

  async execute({ userId, videoIds, publish, at, timeZone }: BulkPublishCommand) {
    const items: BatchItemReport[] = [];
    for (const id of videoIds) {
      try {
        const { video, channel } = await this.gate.requireToWork(userId, id, 'editor');
        if (publish) await this.publisher.publish(video, channel, { at, timeZone });
        else await this.publisher.unpublish(video, channel);
        items.push({ id, ok: true, state: video.state });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        items.push({ id, ok: false, code: error.code, message: error.message });
      }
      // Each item stands alone: nothing from a refused one lingers in the identity map.
      this.scope.forgetLoaded();
    }
    return { items };
  }
}
