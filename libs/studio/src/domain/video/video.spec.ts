import { Video } from './video.js';
import {
  IllegalTransitionError,
  InvalidAccessLevelError,
  InvalidEpisodeError,
  VideoNotReadyError,
} from './video.errors.js';
import { Channel } from '../channel/channel.js';
import { ChannelNotFoundError, ChannelRoleRequiredError, OwnerCannotLeaveError } from '../channel/channel.errors.js';

const channelId = '0193f000-0000-7000-8000-000000000001';
const ownerId = '0193f000-0000-7000-8000-000000000002';
const failure = { code: 'studio.media.unsupported-codec', message: 'nope', step: 'probe' };

function readyVideo(): Video {
  const video = Video.draft({ channelId, createdBy: ownerId, title: 'Pilot' });
  video.startProcessing('asset-1');
  video.finishProcessing('asset-1', 12.5);
  video.pullDomainEvents();
  return video;
}

describe('the video state machine', () => {
  it('goes draft → processing → ready → scheduled → published ↔ unpublished', () => {
    const video = Video.draft({ channelId, createdBy: ownerId, title: 'Pilot' });
    expect(video.state).toBe('draft');
    video.startProcessing('asset-1');
    expect(video.state).toBe('processing');
    expect(video.progress('asset-1', 'transcode', 40)).toBe(true);
    expect(video.progress('asset-1', 'transcode', 30)).toBe(false); // late, lower report
    expect(video.finishProcessing('asset-1', 12.5)).toBe(true);
    expect(video).toMatchObject({ state: 'ready', processingPercent: 100, durationSeconds: 12.5 });
    video.schedule(new Date(Date.now() + 60_000), 'Europe/Paris');
    expect(video.state).toBe('scheduled');
    video.publish(ownerId);
    expect(video).toMatchObject({ state: 'published', scheduledAt: null });
    video.unpublish();
    expect(video.state).toBe('unpublished');
    video.publish(ownerId);
    expect(video.state).toBe('published');
  });

  it('fails from processing with the reason and retries back to processing', () => {
    const video = Video.draft({ channelId, createdBy: ownerId, title: 'Pilot' });
    video.startProcessing('asset-1');
    expect(video.fail('asset-1', failure)).toBe(true);
    expect(video).toMatchObject({ state: 'failed', failure });
    expect(video.fail('asset-1', failure)).toBe(false); // a repeated report
    expect(video.retry()).toBe('asset-1');
    expect(video).toMatchObject({ state: 'processing', failure: null });
  });

  it('refuses to publish or schedule what is not ready, with studio.video.not-ready', () => {
    const video = Video.draft({ channelId, createdBy: ownerId, title: 'Pilot' });
    expect(() => video.publish(ownerId)).toThrow(VideoNotReadyError);
    video.startProcessing('asset-1');
    expect(() => video.schedule(new Date(Date.now() + 1_000), null)).toThrow(VideoNotReadyError);
    video.fail('asset-1', failure);
    expect(() => video.publish(ownerId)).toThrow(VideoNotReadyError);
  });

  it('names illegal transitions with studio.video.illegal-transition', () => {
    const video = readyVideo();
    expect(() => video.unpublish()).toThrow(IllegalTransitionError);
    expect(() => video.retry()).toThrow(IllegalTransitionError);
    expect(() => video.cancelSchedule()).toThrow(IllegalTransitionError);
    video.publish(ownerId);
    expect(() => video.publish(ownerId)).toThrow(IllegalTransitionError);
    expect(() => video.schedule(new Date(Date.now() + 1_000), null)).toThrow(IllegalTransitionError);
    try {
      video.publish(ownerId);
    } catch (error) {
      expect((error as IllegalTransitionError).code).toBe('studio.video.illegal-transition');
      expect((error as IllegalTransitionError).details).toEqual({ state: 'published', action: 'publish' });
    }
  });

  it('ignores processing reports once ready (a retried job)', () => {
    const video = readyVideo();
    expect(video.progress('asset-1', 'finalize', 99)).toBe(false);
    expect(video.fail('asset-1', failure)).toBe(false);
    expect(video.finishProcessing('asset-1', 1)).toBe(false);
    expect(video.state).toBe('ready');
  });

  it('is due only when scheduled and its time has come', () => {
    const video = readyVideo();
    const at = new Date(Date.now() + 60_000);
    video.schedule(at, null);
    expect(video.isDue(new Date())).toBe(false);
    expect(video.isDue(new Date(at.getTime() + 1))).toBe(true);
  });

  it('opens early-access videos to everyone after the window', () => {
    const video = readyVideo();
    video.edit({ earlyAccessDays: 7 });
    const now = new Date('2026-11-01T00:00:00Z');
    video.publish(ownerId, now);
    expect(video.availableToAllAt()?.toISOString()).toBe('2026-11-08T00:00:00.000Z');
  });

  it('reports changed fields only, and refuses bad access levels and episode numbers', () => {
    const video = readyVideo();
    expect(video.edit({ title: 'Pilot', tags: ['Food', 'food ', 'night'] })).toEqual(['tags']);
    expect(video.tags).toEqual(['food', 'night']);
    expect(() => video.edit({ accessLevel: 'platinum' as never })).toThrow(InvalidAccessLevelError);
    expect(() => video.edit({ earlyAccessDays: 0 })).toThrow(InvalidAccessLevelError);
    expect(() => video.edit({ episode: { seriesId: channelId, season: 0, episode: 1 } })).toThrow(InvalidEpisodeError);
  });
});

describe('a channel team', () => {
  const editorId = '0193f000-0000-7000-8000-000000000003';

  it('has exactly one owner, who cannot leave before handing over', () => {
    const channel = Channel.create(ownerId, 'Night Kitchen');
    channel.invite(ownerId, editorId, 'editor');
    expect(channel.roleOf(editorId)).toBeNull();
    channel.accept(editorId);
    expect(channel.roleOf(editorId)).toBe('editor');
    expect(() => channel.remove(ownerId, ownerId)).toThrow(OwnerCannotLeaveError);
    channel.transferOwnership(ownerId, editorId);
    expect([channel.ownerId, channel.roleOf(editorId), channel.roleOf(ownerId)]).toEqual([editorId, 'owner', 'editor']);
    expect(channel.members.filter((member) => member.role === 'owner')).toHaveLength(1);
  });

  it('answers outsiders with not-found and low roles with role-required', () => {
    const channel = Channel.create(ownerId, 'Night Kitchen');
    expect(() => channel.require(editorId, 'viewer')).toThrow(ChannelNotFoundError);
    channel.invite(ownerId, editorId, 'viewer');
    channel.accept(editorId);
    expect(() => channel.require(editorId, 'editor')).toThrow(ChannelRoleRequiredError);
    expect(() => channel.invite(editorId, ownerId, 'viewer')).toThrow(ChannelRoleRequiredError);
  });
});

describe('a refused retry', () => {
  it('goes back to the failure it had without announcing it again', () => {
    const video = Video.draft({ channelId, createdBy: ownerId, title: 'Pilot' });
    video.startProcessing('asset-1');
    video.fail('asset-1', failure);
    video.pullDomainEvents();
    video.retry();
    video.retryRefused(failure);
    expect(video).toMatchObject({ state: 'failed', failure });
    expect(video.pullDomainEvents()).toEqual([]);
  });
});
