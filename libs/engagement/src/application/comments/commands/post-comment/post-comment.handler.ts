import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { newId, UnitOfWork } from '@lib/platform';
import { ContentScreening, type ScreeningAction } from '@lib/trust-safety/contracts';
import { Comment, validCommentText, type ScreeningOutcome } from '../../../../domain/comments/comment.js';
import {
  CommentNotFoundError,
  CommentNotRepliableError,
  CommentsClosedError,
  CommenterMutedError,
  ReplyOnOtherVideoError,
  TooManyMentionsError,
} from '../../../../domain/comments/comment.errors.js';
import { CommentRepository } from '../../../../domain/comments/comment.repository.js';
import { CommentSettingsRepository } from '../../../../domain/comments/comment-settings.repository.js';
import { hashtagsIn } from '../../../../domain/hashtags/hashtags.js';
import { mentionedHandles } from '../../../../domain/mentions/mentions.js';
import { BlockedError } from '../../../../domain/restriction/restriction.errors.js';
import { RestrictionRepository } from '../../../../domain/restriction/restriction.repository.js';
import { MentionDirectory } from '../../../mentions/mention-directory.js';
import { CommentAnnouncer } from '../../comment-announcer.js';
import type { CommentView } from '../../comment-views.js';
import { CommentableVideos } from '../../commentable-videos.js';
import { CommenterStandings } from '../../commenter-standings.js';
import { VideoComments } from '../../video-comments.js';
import { PostCommentCommand } from './post-comment.command.js';

/** Screening verdicts that store the comment, reduced to what the comment does (`flag` stays visible). */
export function screeningOutcome(action: ScreeningAction): ScreeningOutcome {
  return action === 'hold' ? 'hold' : action === 'hide' ? 'hide' : 'allow';
}

/**
 * Stores a comment or a reply after every check (published video, comments on, no block with the
 * person answered or the creator, mention cap, trust & safety's screening), counts it when public
 * and announces it after the commit. A reply to a reply joins the root's thread (ADR 0030).
 */
@CommandHandler(PostCommentCommand)
export class PostCommentHandler implements ICommandHandler<PostCommentCommand> {
  constructor(
    private readonly comments: CommentRepository,
    private readonly settings: CommentSettingsRepository,
    private readonly videos: CommentableVideos,
    private readonly videoComments: VideoComments,
    private readonly restrictions: RestrictionRepository,
    private readonly standings: CommenterStandings,
    private readonly mentions: MentionDirectory,
    private readonly screening: ContentScreening,
    private readonly announcer: CommentAnnouncer,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async execute({ authorId, target, text }: PostCommentCommand): Promise<CommentView> {
    const checked = validCommentText(text, this.config.comments.maxLength);
    const handles = await this.checkStanding(authorId, checked);
    return this.unitOfWork.transactional(async () => {
      const replyTo = await this.repliedComment(authorId, target);
      const videoId = replyTo?.videoId ?? ('videoId' in target ? target.videoId : '');
      const video = await this.videoComments.published(videoId);
      if (!(await this.settings.forVideo(video.videoId)).commentsEnabled) throw new CommentsClosedError(video.videoId);
      if (replyTo && (await this.restrictions.eitherBlocks(authorId, replyTo.authorId))) throw new BlockedError();
      if (video.creatorId && (await this.restrictions.eitherBlocks(authorId, video.creatorId)))
        throw new BlockedError();

      const id = newId();
      const verdict = await this.screening.screen({
        surface: 'comment',
        authorId,
        text: checked,
        content: { type: 'comment', id },
      });
      const comment = Comment.post({
        id,
        videoId: video.videoId,
        channelId: video.channelId,
        authorId,
        text: checked,
        mentionedUserIds: (await this.mentions.withHandles(handles)).map((p) => p.userId),
        hashtags: hashtagsIn(checked),
        replyTo,
        screening: screeningOutcome(verdict.action),
        needsApproval: await this.needsApproval(authorId, video.videoId, video.channelId),
      });
      await this.comments.save(comment);
      if (comment.counts) {
        await this.videos.adjustCommentCount(video.videoId, 1);
        if (comment.threadId) await this.comments.adjustReplyCount(comment.threadId, 1);
      }
      return this.announcer.posted(comment, comment.counts, video.creatorId);
    });
  }

  /** A timed-out account cannot comment; the mention cap comes with the account's trust level. */
  private async checkStanding(authorId: string, text: string): Promise<string[]> {
    const standing = await this.standings.standingOf(authorId);
    if (standing.mutedUntil && standing.mutedUntil.getTime() > Date.now())
      throw new CommenterMutedError(standing.mutedUntil.toISOString());
    const handles = mentionedHandles(text);
    if (handles.length > standing.maxMentions) throw new TooManyMentionsError(handles.length, standing.maxMentions);
    return handles;
  }

  private async repliedComment(authorId: string, target: PostCommentCommand['target']): Promise<Comment | null> {
    const replyToId = target.replyToId ?? null;
    if (!replyToId) return null;
    const parent = await this.comments.find(replyToId);
    if (!parent || !parent.visibleTo(authorId, false)) throw new CommentNotFoundError(replyToId);
    if ('videoId' in target && target.videoId !== parent.videoId)
      throw new ReplyOnOtherVideoError(replyToId, target.videoId);
    if (!parent.counts) throw new CommentNotRepliableError(replyToId);
    return parent;
  }

  /** The team never waits; others wait when the video wants approval, or the channel does for first-timers. */
  private async needsApproval(authorId: string, videoId: string, channelId: string): Promise<boolean> {
    if (await this.videoComments.isTeam(authorId, channelId)) return false;
    if ((await this.settings.forVideo(videoId)).requireApproval) return true;
    if (!(await this.settings.forChannel(channelId)).approveFirstTimeCommenters) return false;
    return !(await this.comments.hasPublishedOnChannel(authorId, channelId));
  }
}
