import type { TemplateDefaults } from '../../../domain/library/library.js';
import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { UnitOfWork } from '@lib/platform';
import { BillingApi } from '@lib/billing/contracts';
import { parseCaptionFile } from '../../../domain/video/captions.js';
import { EpisodeSlotTakenError, IllegalTransitionError, NoMediaError } from '../../../domain/video/video.errors.js';
import { Video } from '../../../domain/video/video.js';
import { VideoRepository } from '../../../domain/video/video.repository.js';
import { ChannelTeams } from '../../channel-teams.js';
import { MediaLibrary } from '../../media/media-ports.js';
import { VideoViews } from '../../queries/videos/video.views.js';
import { VideoGate } from '../../video-gate.js';
import { PUBLISH_QUOTA, publishQuotaKey } from '../../publishing/publisher.js';
import { VideoEdits } from './video-edits.js';
import {
  CreateVideoCommand,
  DeleteVideoCommand,
  RemoveCaptionCommand,
  RetryVideoCommand,
  SetCaptionCommand,
  UpdateVideoCommand,
  type VideoInput,
} from './video.commands.js';

/** Runs a save, turning a lost race for an episode slot into its domain error. */
export async function savingEpisode<T>(unitOfWork: UnitOfWork, input: VideoInput, work: () => Promise<T>): Promise<T> {
  try {
    return await unitOfWork.transactional(work);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && input.episode) {
      throw new EpisodeSlotTakenError({
        seriesId: input.episode.seriesId,
        season: input.episode.season,
        episode: input.episode.episode,
      });
    }
    throw error;
  }
}

@CommandHandler(CreateVideoCommand)
export class CreateVideoHandler implements ICommandHandler<CreateVideoCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly gate: VideoGate,
    private readonly edits: VideoEdits,
    private readonly videos: VideoRepository,
    private readonly media: MediaLibrary,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, channelId, uploadId, input, templateId }: CreateVideoCommand) {
    await this.teams.require(userId, channelId, 'editor');
    const merged = {
      ...(templateId ? await this.defaultsFrom(channelId, templateId) : {}),
      ...stripUndefined(input),
    } as VideoInput & { title: string };
    await this.edits.check(channelId, merged, null);
    const video = Video.draft({ ...merged, channelId, createdBy: userId });
    // The draft commits first: the media side's worker reports on it by id as soon as processing starts.
    await savingEpisode(this.unitOfWork, merged, async () => this.videos.add(video));
    let assetId: string;
    try {
      assetId = (await this.media.startProcessing({ uploadId, channelId, videoId: video.id })).id;
    } catch (error) {
      await this.unitOfWork.transactional(async () => this.videos.remove(video));
      throw error;
    }
    // Its own transaction, retried: the worker may already have moved the video (and its version) meanwhile.
    const started = await this.videos.changeAlone(video.id, (found) => {
      found.startProcessing(assetId);
      return true;
    });
    return this.views.of(started ?? video);
  }

  private async defaultsFrom(channelId: string, templateId: string): Promise<VideoInput> {
    return changesFromTemplate((await this.gate.template(channelId, templateId)).defaults);
  }
}

export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** What a template sets on a video: only the defaults it has (empty ones leave the video alone). */
export function changesFromTemplate(defaults: TemplateDefaults): VideoInput {
  return stripUndefined<VideoInput>({
    description: defaults.description ?? undefined,
    tags: defaults.tags.length ? defaults.tags : undefined,
    category: defaults.category ?? undefined,
    language: defaults.language ?? undefined,
    accessLevel: defaults.accessLevel ?? undefined,
    earlyAccessDays: defaults.earlyAccessDays ?? undefined,
  });
}

@CommandHandler(UpdateVideoCommand)
export class UpdateVideoHandler implements ICommandHandler<UpdateVideoCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly edits: VideoEdits,
    private readonly media: MediaLibrary,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId, input, thumbnail }: UpdateVideoCommand) {
    const video = await savingEpisode(this.unitOfWork, input, async () => {
      const { video: found } = await this.gate.require(userId, videoId, 'editor');
      await this.edits.check(found.channelId, input, found.id);
      found.edit(input);
      if (thumbnail !== undefined) {
        if (!found.assetId) throw new NoMediaError();
        // Inside the transaction: a refused index (media's error) rolls the metadata edit back too.
        await this.media.chooseThumbnail(found.assetId, thumbnail);
        found.thumbnailChosen();
      }
      return found;
    });
    return this.views.of(video);
  }
}

@CommandHandler(SetCaptionCommand)
export class SetCaptionHandler implements ICommandHandler<SetCaptionCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId, language, content, label }: SetCaptionCommand) {
    const video = await this.unitOfWork.transactional(async () => {
      const { video: found } = await this.gate.require(userId, videoId, 'editor');
      found.setCaption(parseCaptionFile(content, language, label));
      return found;
    });
    return this.views.of(video);
  }
}

@CommandHandler(RemoveCaptionCommand)
export class RemoveCaptionHandler implements ICommandHandler<RemoveCaptionCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId, language }: RemoveCaptionCommand) {
    const video = await this.unitOfWork.transactional(async () => {
      const { video: found } = await this.gate.require(userId, videoId, 'editor');
      found.removeCaption(language);
      return found;
    });
    return this.views.of(video);
  }
}

@CommandHandler(RetryVideoCommand)
export class RetryVideoHandler implements ICommandHandler<RetryVideoCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly media: MediaLibrary,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId }: RetryVideoCommand) {
    const { video } = await this.gate.require(userId, videoId, 'editor');
    if (!video.can('retry')) throw new IllegalTransitionError(video.state, 'retry');
    const failure = video.failure!;
    const assetId = await this.unitOfWork.transactional(async () => video.retry());
    try {
      await this.media.retry(assetId);
    } catch (error) {
      // The media side refused: the video goes back to the failure it had.
      await this.unitOfWork.transactional(async () => video.retryRefused(failure));
      throw error;
    }
    return this.views.of(video);
  }
}

@CommandHandler(DeleteVideoCommand)
export class DeleteVideoHandler implements ICommandHandler<DeleteVideoCommand> {
  private readonly logger = new Logger('studio.videos');

  constructor(
    private readonly gate: VideoGate,
    private readonly videos: VideoRepository,
    private readonly media: MediaLibrary,
    private readonly billing: BillingApi,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, videoId }: DeleteVideoCommand) {
    const { video, channel } = await this.gate.require(userId, videoId, 'owner');
    // Files first: a failure leaves the video in place to delete again (media's remove is idempotent).
    if (video.assetId) await this.media.remove(video.assetId);
    const wasScheduled = video.state === 'scheduled';
    await this.unitOfWork.transactional(async () => {
      video.markDeleted();
      this.videos.remove(video);
    });
    if (wasScheduled) {
      // Never published: the episode it reserved goes back to the owner's quota.
      await this.billing
        .release(channel.ownerId, PUBLISH_QUOTA, 1, { key: publishQuotaKey(video.id) })
        .catch((error: Error) => this.logger.warn(`quota release failed: ${error.message}`));
    }
    return { deleted: true as const };
  }
}
