import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@lib/platform';
import { TemplateNotFoundError, type BatchItemReport } from '../../../domain/library/library.js';
import { LibraryRepository } from '../../../domain/library/library.repository.js';
import { nextTimeOfDay } from '../../../domain/video/schedule.js';
import { PersistenceScope } from '../../persistence-scope.js';
import { Publisher } from '../../publishing/publisher.js';
import { VideoBatch } from '../../video-batch.js';
import { VideoGate } from '../../video-gate.js';
import { changesFromTemplate } from '../../video-input.js';
import { ApplyTemplateCommand } from './apply-template.command.js';

@CommandHandler(ApplyTemplateCommand)
export class ApplyTemplateHandler implements ICommandHandler<ApplyTemplateCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly batch: VideoBatch,
    private readonly library: LibraryRepository,
    private readonly persistence: PersistenceScope,
    private readonly publisher: Publisher,
  ) {}

  async execute({ userId, templateId, videoIds, schedule }: ApplyTemplateCommand) {
    const template = await this.library.templateById(templateId);
    if (!template) throw new TemplateNotFoundError(templateId);
    const { defaults } = template;
    const changes = changesFromTemplate(defaults);
    const result = await this.batch.edit(userId, videoIds, (video) => {
      // A template belongs to one channel; applying it elsewhere reads as an unknown template.
      if (video.channelId !== template.channelId) throw new TemplateNotFoundError(templateId);
      return changes;
    });
    const scheduled: BatchItemReport[] = [];
    if (schedule && defaults.publishTimeOfDay) {
      const at = nextTimeOfDay(defaults.publishTimeOfDay, defaults.timeZone ?? 'UTC', new Date());
      for (const id of videoIds) {
        try {
          const { video, channel } = await this.gate.requireToWork(userId, id, 'editor');
          await this.publisher.publish(video, channel, {
            at: at.toISOString(),
            timeZone: defaults.timeZone ?? undefined,
          });
          scheduled.push({ id, ok: true, state: video.state });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          scheduled.push({ id, ok: false, code: error.code, message: error.message });
        }
        this.persistence.forgetLoaded();
      }
    }
    return { ...result, scheduled };
  }
}
