import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RateLimiter, UnitOfWork } from '@lib/platform';
import { WatchEntry } from '../../../domain/watch-progress/watch-entry.js';
import {
  WatchEntryRepository,
  WatchHistorySettingsRepository,
} from '../../../domain/watch-progress/watch-entry.repository.js';
import { PROGRESS_RATE } from '../../interaction-limits.js';
import { VideoAccess } from '../../videos/video-access.js';
import { ReportProgressCommand, type ProgressView } from './report-progress.command.js';

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand> {
  constructor(
    private readonly entries: WatchEntryRepository,
    private readonly settings: WatchHistorySettingsRepository,
    private readonly access: VideoAccess,
    private readonly rateLimiter: RateLimiter,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, videoId, positionSeconds, creditsReached }: ReportProgressCommand): Promise<ProgressView> {
    await this.rateLimiter.consume(PROGRESS_RATE, userId);
    const video = await this.access.requireWatchable(userId, videoId);
    if (!(await this.settings.of(userId)).enabled) return { recorded: false, videoId };
    const watched = {
      videoId,
      channelId: video.channelId,
      creatorId: video.creatorId,
      durationSeconds: video.durationSeconds,
    };
    return this.unitOfWork.transactional(async () => {
      const entry = (await this.entries.lockFor(userId, videoId)) ?? WatchEntry.start(userId, videoId);
      entry.report({ positionSeconds, creditsReached }, watched);
      this.entries.add(entry);
      return {
        recorded: true,
        videoId,
        entryId: entry.id,
        positionSeconds: entry.positionSeconds,
        durationSeconds: entry.durationSeconds,
        completed: entry.completed,
      };
    });
  }
}
