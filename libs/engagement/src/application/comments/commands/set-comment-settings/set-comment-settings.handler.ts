import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { CommentSettingsRepository } from '../../../../domain/comments/comment-settings.repository.js';
import { VideoComments } from '../../video-comments.js';
import { SetCommentSettingsCommand, type CommentSettingsView } from './set-comment-settings.command.js';

/** The channel team turns a video's comments on or off, asks to approve them, or to approve first-timers channel-wide. */
@CommandHandler(SetCommentSettingsCommand)
export class SetCommentSettingsHandler implements ICommandHandler<SetCommentSettingsCommand> {
  constructor(
    private readonly settings: CommentSettingsRepository,
    private readonly videoComments: VideoComments,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute({ userId, videoId, change }: SetCommentSettingsCommand): Promise<CommentSettingsView> {
    return this.unitOfWork.transactional(async () => {
      const video = await this.videoComments.managedBy(userId, videoId);
      const forVideo = await this.settings.forVideo(videoId);
      const forChannel = await this.settings.forChannel(video.channelId);
      if (change.commentsEnabled !== undefined) forVideo.commentsEnabled = change.commentsEnabled;
      if (change.requireApproval !== undefined) forVideo.requireApproval = change.requireApproval;
      if (change.approveFirstTimeCommenters !== undefined)
        forChannel.approveFirstTimeCommenters = change.approveFirstTimeCommenters;
      await this.settings.saveVideo(forVideo);
      await this.settings.saveChannel(forChannel);
      return {
        videoId,
        channelId: video.channelId,
        commentsEnabled: forVideo.commentsEnabled,
        requireApproval: forVideo.requireApproval,
        approveFirstTimeCommenters: forChannel.approveFirstTimeCommenters,
        pinnedCommentId: forVideo.pinnedCommentId,
      };
    });
  }
}
