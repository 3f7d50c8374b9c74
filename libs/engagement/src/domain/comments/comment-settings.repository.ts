import type { ChannelCommentSettings, VideoCommentSettings } from './comment-settings.js';

/** Defaults (comments on, no approval) for videos and channels the team never configured. */
export abstract class CommentSettingsRepository {
  abstract forVideo(videoId: string): Promise<VideoCommentSettings>;
  abstract forChannel(channelId: string): Promise<ChannelCommentSettings>;
  abstract saveVideo(settings: VideoCommentSettings): Promise<void>;
  abstract saveChannel(settings: ChannelCommentSettings): Promise<void>;
}
