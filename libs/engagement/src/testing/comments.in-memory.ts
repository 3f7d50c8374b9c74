import { AppConfig } from '@config';
import { InMemoryTable, InMemoryUnitOfWork } from '@lib/platform/testing/in-memory';
import { ChannelDirectory, type ChannelTeamRole, type ChannelVideo } from '@lib/studio/contracts';
import {
  ContentRefusedError,
  ContentScreening,
  type ScreeningAction,
  type ScreeningRequest,
  type ScreeningVerdict,
} from '@lib/trust-safety/contracts';
import { ChannelTeam } from '../application/comments/channel-team.js';
import { CommentAnnouncer } from '../application/comments/comment-announcer.js';
import { toCommentView, type CommentView } from '../application/comments/comment-views.js';
import { CommentableVideos, type CommentableVideo } from '../application/comments/commentable-videos.js';
import { CommenterStandings, type CommenterStanding } from '../application/comments/commenter-standings.js';
import { VideoComments } from '../application/comments/video-comments.js';
import { MentionDirectory, type MentionedPerson } from '../application/mentions/mention-directory.js';
import type { Comment, CommentEdit } from '../domain/comments/comment.js';
import { CommentRepository } from '../domain/comments/comment.repository.js';
import { ChannelCommentSettings, VideoCommentSettings } from '../domain/comments/comment-settings.js';
import { CommentSettingsRepository } from '../domain/comments/comment-settings.repository.js';
import { InMemoryRestrictionRepository } from './in-memory-engagement-repositories.js';

// Same contracts as the adapters in infrastructure/comments/; comments persist when the unit of work commits.

export class InMemoryCommentRepository extends CommentRepository {
  readonly comments = new InMemoryTable<Comment>('engagement.comments', { id: (comment) => comment.id });
  readonly edits: CommentEdit[] = [];

  async find(commentId: string) {
    return this.comments.find((comment) => comment.id === commentId);
  }
  findForUpdate(commentId: string) {
    return this.find(commentId);
  }
  async save(comment: Comment) {
    this.comments.insert(comment);
  }
  async addEdit(edit: CommentEdit) {
    this.edits.push(edit);
  }
  async adjustReplyCount(threadId: string, delta: number) {
    const root = await this.find(threadId);
    if (root) root.replyCount = Math.max(0, root.replyCount + delta);
  }
  async hasPublishedOnChannel(authorId: string, channelId: string) {
    return this.comments.all().some((c) => c.authorId === authorId && c.channelId === channelId && c.announcedAt);
  }
}

export class InMemoryCommentSettings extends CommentSettingsRepository {
  readonly videos = new Map<string, VideoCommentSettings>();
  readonly channels = new Map<string, ChannelCommentSettings>();

  async forVideo(videoId: string) {
    const stored = this.videos.get(videoId);
    return stored ? Object.assign(new VideoCommentSettings(videoId), stored) : new VideoCommentSettings(videoId);
  }
  async forChannel(channelId: string) {
    const stored = this.channels.get(channelId);
    return stored
      ? Object.assign(new ChannelCommentSettings(channelId), stored)
      : new ChannelCommentSettings(channelId);
  }
  async saveVideo(settings: VideoCommentSettings) {
    this.videos.set(settings.videoId, settings);
  }
  async saveChannel(settings: ChannelCommentSettings) {
    this.channels.set(settings.channelId, settings);
  }
}

export class InMemoryCommentableVideos extends CommentableVideos {
  readonly videos = new Map<string, CommentableVideo>();

  async find(videoId: string) {
    const video = this.videos.get(videoId);
    return video ? { ...video } : null;
  }
  async recordPublished(fact: { videoId: string; channelId: string; creatorId: string; at: Date }) {
    const { at: _at, ...facts } = fact;
    const known = this.videos.get(fact.videoId);
    this.videos.set(fact.videoId, { commentCount: 0, deleted: false, ...known, ...facts, published: true });
  }
  async recordUnpublished(fact: { videoId: string; channelId: string; at: Date }) {
    const known = this.videos.get(fact.videoId);
    this.videos.set(fact.videoId, {
      creatorId: null,
      commentCount: 0,
      deleted: false,
      ...known,
      videoId: fact.videoId,
      channelId: fact.channelId,
      published: false,
    });
  }
  async recordDeleted(fact: { videoId: string; channelId: string; at: Date }) {
    const known = this.videos.get(fact.videoId);
    this.videos.set(fact.videoId, {
      creatorId: null,
      commentCount: 0,
      ...known,
      videoId: fact.videoId,
      channelId: fact.channelId,
      published: false,
      deleted: true,
    });
  }
  async adjustCommentCount(videoId: string, delta: number) {
    const video = this.videos.get(videoId);
    if (video) video.commentCount = Math.max(0, video.commentCount + delta);
  }
}

export class InMemoryChannelDirectory extends ChannelDirectory {
  readonly roles = new Map<string, ChannelTeamRole>();

  grant(userId: string, channelId: string, role: ChannelTeamRole): void {
    this.roles.set(`${userId}@${channelId}`, role);
  }
  async roleOf(userId: string, channelId: string) {
    return this.roles.get(`${userId}@${channelId}`) ?? null;
  }
  async exists() {
    return true;
  }
  async videos() {
    return new Map<string, ChannelVideo>();
  }
  async ownerOf(channelId: string) {
    for (const [key, role] of this.roles)
      if (role === 'owner' && key.endsWith(`@${channelId}`)) return key.split('@')[0];
    return null;
  }
  async videoVisibleTo() {
    return null;
  }
}

export class InMemoryMentionDirectory extends MentionDirectory {
  readonly people: MentionedPerson[] = [];
  async withHandles(handles: string[]) {
    return this.people.filter((person) => handles.includes(person.handle.toLowerCase()));
  }
}

export class FixedCommenterStandings extends CommenterStandings {
  readonly standings = new Map<string, CommenterStanding>();
  constructor(private readonly defaults: CommenterStanding = { maxMentions: 5, mutedUntil: null }) {
    super();
  }
  async standingOf(userId: string) {
    return this.standings.get(userId) ?? this.defaults;
  }
}

/** Answers each text with the verdict chosen for it (default: allow), throwing on `refuse` like the real port. */
export class ScriptedContentScreening extends ContentScreening {
  readonly requests: ScreeningRequest[] = [];
  private readonly verdicts = new Map<string, ScreeningAction>();

  answer(text: string, action: ScreeningAction): void {
    this.verdicts.set(text, action);
  }
  async check(request: ScreeningRequest): Promise<ScreeningVerdict> {
    const action = this.verdicts.get(request.text) ?? 'allow';
    return {
      action,
      rule: action === 'allow' ? null : 'comment.test',
      signals: [],
      policyVersion: 1,
      spamModelVersion: null,
    };
  }
  async screen(request: ScreeningRequest): Promise<ScreeningVerdict> {
    return this.assess(request);
  }
  async assess(request: ScreeningRequest): Promise<ScreeningVerdict> {
    this.requests.push(request);
    const verdict = await this.check(request);
    if (verdict.action === 'refuse')
      throw new ContentRefusedError({ surface: request.surface, rule: verdict.rule!, signals: [] });
    return verdict;
  }
  async record(): Promise<void> {}
}

/** Records what would be pushed and notified after the commit. */
export class RecordingCommentAnnouncer extends CommentAnnouncer {
  readonly announced: Array<{ event: 'posted' | 'changed'; view: CommentView; creatorId?: string | null }> = [];
  constructor() {
    super(undefined as never, undefined as never, undefined as never, undefined as never, undefined as never);
  }
  override async posted(comment: Comment, justAnnounced: boolean, creatorId: string | null) {
    const view = toCommentView(comment, { userId: comment.authorId, handle: null, displayName: null, avatarUrl: null });
    if (justAnnounced) this.announced.push({ event: 'posted', view, creatorId });
    return view;
  }
  override async changed(comment: Comment) {
    const view = toCommentView(comment, { userId: comment.authorId, handle: null, displayName: null, avatarUrl: null });
    this.announced.push({ event: 'changed', view });
    return view;
  }
}

/** Every port of the comment use cases, in memory, with one published video on one channel. */
export function inMemoryComments(config = { maxLength: 500, editWindowSeconds: 3600, defaultMaxMentions: 5 }) {
  const comments = new InMemoryCommentRepository();
  const settings = new InMemoryCommentSettings();
  const videos = new InMemoryCommentableVideos();
  const channels = new InMemoryChannelDirectory();
  const restrictions = new InMemoryRestrictionRepository();
  const standings = new FixedCommenterStandings({ maxMentions: config.defaultMaxMentions, mutedUntil: null });
  const mentions = new InMemoryMentionDirectory();
  const screening = new ScriptedContentScreening();
  const announcer = new RecordingCommentAnnouncer();
  const unitOfWork = new InMemoryUnitOfWork([comments.comments]);
  const videoComments = new VideoComments(videos, comments, new ChannelTeam(channels));
  const appConfig = { comments: config } as unknown as AppConfig;
  return {
    comments,
    settings,
    videos,
    channels,
    restrictions,
    standings,
    mentions,
    screening,
    announcer,
    unitOfWork,
    videoComments,
    config: appConfig,
  };
}
