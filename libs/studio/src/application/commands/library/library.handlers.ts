import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { DomainError, UnitOfWork } from '@lib/platform';
import {
  BatchRejectedError,
  Collection,
  CollectionNotFoundError,
  ContentTemplate,
  Series,
  TemplateNotFoundError,
  type BatchItemReport,
  type TemplateDefaults,
} from '../../../domain/library/library.js';
import { assertTimeZone, nextTimeOfDay } from '../../../domain/video/schedule.js';
import { InvalidScheduleTimeError } from '../../../domain/video/video.errors.js';
import { ACCESS_LEVELS, Video } from '../../../domain/video/video.js';
import { InvalidAccessLevelError } from '../../../domain/video/video.errors.js';
import { ChannelTeams } from '../../channel-teams.js';
import { Publisher } from '../../publishing/publisher.js';
import { VideoGate } from '../../video-gate.js';
import { changesFromTemplate } from '../videos/video.handlers.js';
import { VideoEdits } from '../videos/video-edits.js';
import type { VideoInput } from '../videos/video.commands.js';
import {
  ApplyTemplateCommand,
  BatchEditCommand,
  CreateCollectionCommand,
  CreateSeriesCommand,
  CreateTemplateCommand,
  DeleteCollectionCommand,
  DeleteTemplateCommand,
} from './library.commands.js';

export class CollectionNameTakenError extends DomainError {
  readonly code = 'studio.collection.name-taken';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(`The channel already has a collection named "${name}"`, { name });
  }
}

@CommandHandler(BatchEditCommand)
export class BatchEditHandler implements ICommandHandler<BatchEditCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly edits: VideoEdits,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
  ) {}

  execute({ userId, videoIds, changes }: BatchEditCommand) {
    return batchEdit(this.gate, this.edits, this.unitOfWork, this.em, userId, videoIds, () => changes);
  }
}

/** Applies edits to every video in one transaction; one refusal rolls back all and reports each item. */
async function batchEdit(
  gate: VideoGate,
  edits: VideoEdits,
  unitOfWork: UnitOfWork,
  em: EntityManager,
  userId: string,
  videoIds: string[],
  changesFor: (video: Video) => VideoInput,
): Promise<{ applied: true; items: BatchItemReport[] }> {
  try {
    return await unitOfWork.transactional(async () => {
      const items: BatchItemReport[] = [];
      for (const id of videoIds) {
        try {
          const { video } = await gate.require(userId, id, 'editor');
          const changes = changesFor(video);
          await edits.check(video.channelId, changes, video.id);
          items.push({ id, ok: true, changedFields: video.edit(changes) });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          items.push({ id, ok: false, code: error.code, message: error.message });
        }
      }
      if (items.some((item) => !item.ok)) throw new BatchRejectedError(items);
      return { applied: true as const, items };
    });
  } catch (error) {
    // Nothing was saved; the loaded videos must not be flushed by a later call in this request.
    em.clear();
    throw error;
  }
}

@CommandHandler(ApplyTemplateCommand)
export class ApplyTemplateHandler implements ICommandHandler<ApplyTemplateCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly edits: VideoEdits,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
    private readonly publisher: Publisher,
  ) {}

  async execute({ userId, templateId, videoIds, schedule }: ApplyTemplateCommand) {
    const template = await this.em.findOne(ContentTemplate, { id: templateId });
    if (!template) throw new TemplateNotFoundError(templateId);
    const { defaults } = template;
    const changes = changesFromTemplate(defaults);
    const result = await batchEdit(this.gate, this.edits, this.unitOfWork, this.em, userId, videoIds, (video) => {
      // A template belongs to one channel; applying it elsewhere reads as an unknown template.
      if (video.channelId !== template.channelId) throw new TemplateNotFoundError(templateId);
      return changes;
    });
    const scheduled: BatchItemReport[] = [];
    if (schedule && defaults.publishTimeOfDay) {
      const at = nextTimeOfDay(defaults.publishTimeOfDay, defaults.timeZone ?? 'UTC', new Date());
      for (const id of videoIds) {
        try {
          const { video, channel } = await this.gate.require(userId, id, 'editor');
          await this.publisher.publish(video, channel, {
            at: at.toISOString(),
            timeZone: defaults.timeZone ?? undefined,
          });
          scheduled.push({ id, ok: true, state: video.state });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          scheduled.push({ id, ok: false, code: error.code, message: error.message });
        }
        this.em.clear();
      }
    }
    return { ...result, scheduled };
  }
}

@CommandHandler(CreateSeriesCommand)
export class CreateSeriesHandler implements ICommandHandler<CreateSeriesCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
  ) {}

  async execute({ userId, channelId, title, description }: CreateSeriesCommand) {
    await this.teams.require(userId, channelId, 'editor');
    const series = new Series(channelId, title, description);
    await this.unitOfWork.transactional(async () => this.em.persist(series));
    return { id: series.id, channelId, title, description, createdAt: series.createdAt.toISOString() };
  }
}

@CommandHandler(CreateCollectionCommand)
export class CreateCollectionHandler implements ICommandHandler<CreateCollectionCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
  ) {}

  async execute({ userId, channelId, name }: CreateCollectionCommand) {
    await this.teams.require(userId, channelId, 'editor');
    const collection = new Collection(channelId, name);
    try {
      await this.unitOfWork.transactional(async () => this.em.persist(collection));
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new CollectionNameTakenError(name);
      throw error;
    }
    return { id: collection.id, channelId, name, createdAt: collection.createdAt.toISOString() };
  }
}

@CommandHandler(DeleteCollectionCommand)
export class DeleteCollectionHandler implements ICommandHandler<DeleteCollectionCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
  ) {}

  async execute({ userId, collectionId }: DeleteCollectionCommand) {
    const collection = await this.em.findOne(Collection, { id: collectionId });
    if (!collection) throw new CollectionNotFoundError([collectionId]);
    await this.teams.require(userId, collection.channelId, 'editor').catch((error: unknown) => {
      throw error instanceof DomainError && error.kind === 'not-found'
        ? new CollectionNotFoundError([collectionId])
        : error;
    });
    await this.unitOfWork.transactional(async () => {
      await this.em.execute(
        `update studio.videos set collection_ids = array_remove(collection_ids, ?::uuid) where channel_id = ? and ?::uuid = any(collection_ids)`,
        [collectionId, collection.channelId, collectionId],
      );
      this.em.remove(collection);
    });
    return { deleted: true as const };
  }
}

@CommandHandler(CreateTemplateCommand)
export class CreateTemplateHandler implements ICommandHandler<CreateTemplateCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
  ) {}

  async execute({ userId, channelId, name, defaults }: CreateTemplateCommand) {
    await this.teams.require(userId, channelId, 'editor');
    if (defaults.timeZone) assertTimeZone(defaults.timeZone);
    if (defaults.publishTimeOfDay && !/^([01]\d|2[0-3]):[0-5]\d$/.test(defaults.publishTimeOfDay))
      throw new InvalidScheduleTimeError(defaults.publishTimeOfDay);
    if (defaults.accessLevel && !ACCESS_LEVELS.includes(defaults.accessLevel)) {
      throw new InvalidAccessLevelError(`Unknown access level "${defaults.accessLevel}"`, { allowed: ACCESS_LEVELS });
    }
    const full: TemplateDefaults = {
      description: defaults.description ?? null,
      tags: defaults.tags ?? [],
      category: defaults.category ?? null,
      language: defaults.language ?? null,
      accessLevel: defaults.accessLevel ?? null,
      earlyAccessDays: defaults.earlyAccessDays ?? null,
      publishTimeOfDay: defaults.publishTimeOfDay ?? null,
      timeZone: defaults.timeZone ?? null,
    };
    const template = new ContentTemplate(channelId, name, full);
    await this.unitOfWork.transactional(async () => this.em.persist(template));
    return { id: template.id, channelId, name, defaults: full, createdAt: template.createdAt.toISOString() };
  }
}

@CommandHandler(DeleteTemplateCommand)
export class DeleteTemplateHandler implements ICommandHandler<DeleteTemplateCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
  ) {}

  async execute({ userId, templateId }: DeleteTemplateCommand) {
    const template = await this.em.findOne(ContentTemplate, { id: templateId });
    if (!template) throw new TemplateNotFoundError(templateId);
    await this.teams.require(userId, template.channelId, 'editor').catch((error: unknown) => {
      throw error instanceof DomainError && error.kind === 'not-found' ? new TemplateNotFoundError(templateId) : error;
    });
    await this.unitOfWork.transactional(async () => this.em.remove(template));
    return { deleted: true as const };
  }
}
