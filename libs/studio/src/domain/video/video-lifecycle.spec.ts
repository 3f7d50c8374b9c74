import { aChannel, aVideo } from '../../testing/index.js';
import { IllegalTransitionError, NoMediaError, VideoNotReadyError } from './video.errors.js';
import { NOT_READY, TRANSITIONS, VIDEO_STATES, type VideoAction, type VideoState } from './video-state.js';
import { VideoProcessingFailed, VideoPublished } from './video.events.js';
import type { Video } from './video.js';

const HOUR_MS = 3_600_000;
const failure = { code: 'studio.media.decode-failed', message: 'The file could not be decoded', step: 'transcode' };

/** Performs one action of the state machine the way its caller does. */
function perform(video: Video, action: VideoAction): void {
  const asset = video.assetId ?? 'asset-new';
  switch (action) {
    case 'start-processing':
      return video.startProcessing(asset);
    case 'finish-processing':
      if (!video.finishProcessing(asset, 60)) throw new IllegalTransitionError(video.state, action);
      return;
    case 'fail':
      if (!video.fail(asset, failure)) throw new IllegalTransitionError(video.state, action);
      return;
    case 'retry':
      video.retry();
      return;
    case 'schedule':
      return video.schedule(new Date(Date.now() + HOUR_MS), 'Europe/Paris');
    case 'cancel-schedule':
      return video.cancelSchedule();
    case 'publish':
      return video.publish('owner');
    case 'unpublish':
      return video.unpublish();
  }
}

describe('a video’s life, state by state', () => {
  it.each(VIDEO_STATES)('the builder reaches %s through the domain’s own transitions', (state) => {
    expect(aVideo().in(state).build().state).toBe(state);
  });

  const table = VIDEO_STATES.flatMap((state) =>
    (Object.keys(TRANSITIONS) as VideoAction[]).map((action) => [state, action] as [VideoState, VideoAction]),
  );

  it.each(table)('from %s, %s goes where the transition table says, or is refused', (state, action) => {
    const video = aVideo().in(state).build();
    const allowed = TRANSITIONS[action].from.includes(state);
    // startProcessing on media already attached only records the new asset: it is no transition.
    if (action === 'start-processing' && !allowed) {
      perform(video, action);
      expect(video.state).toBe(state);
      return;
    }
    if (allowed) {
      perform(video, action);
      expect(video.state).toBe(TRANSITIONS[action].to);
      return;
    }
    // Publishing unplayable media is "not ready", and a draft has no media to retry: both say more than "illegal".
    const expected =
      (action === 'publish' || action === 'schedule') && NOT_READY.includes(state)
        ? VideoNotReadyError
        : action === 'retry' && state === 'draft'
          ? NoMediaError
          : IllegalTransitionError;
    expect(() => perform(video, action)).toThrow(expected);
    expect(video.state).toBe(state);
  });
});

describe('a video’s life, told as stories', () => {
  const channel = aChannel().build();

  it('a published video announces who its creator is, and when it became available to all', () => {
    const at = new Date(Date.now() - HOUR_MS);
    const video = aVideo().onChannel(channel).forSubscribersWith('early_access', 3).ready().build();

    video.publish(channel.ownerId, at);

    expect(video.pullDomainEvents()).toEqual([
      expect.objectContaining({ constructor: VideoPublished, channelId: channel.id, creatorId: channel.ownerId }),
    ]);
    expect(video.availableToAllAt()).toEqual(new Date(at.getTime() + 3 * 86_400_000));
  });

  it('a scheduled video becomes due at its time, and publishing it clears the schedule', () => {
    const at = new Date(Date.now() + HOUR_MS);
    const video = aVideo().onChannel(channel).scheduled(at).build();

    expect(video.isDue(new Date())).toBe(false);
    expect(video.isDue(new Date(at.getTime() + 1))).toBe(true);
    video.publish(channel.ownerId, at);
    expect(video).toMatchObject({ state: 'published', scheduledAt: null, publishedAt: at });
  });

  it('an unpublished video can be published again', () => {
    const video = aVideo().onChannel(channel).unpublished().build();
    expect(video.publishedAt).not.toBeNull();

    video.publish(channel.ownerId);

    expect(video.state).toBe('published');
  });

  it('a failed video is retried on the media it already has; without media there is nothing to retry', () => {
    const failed = aVideo().withAsset('asset-7').failed().build();
    expect(failed.retry()).toBe('asset-7');
    expect(failed).toMatchObject({ state: 'processing', failure: null });

    const draft = aVideo().draft().build();
    expect(() => draft.retry()).toThrow(NoMediaError);
  });

  it('late processing reports change nothing once a video is ready or failed', () => {
    const ready = aVideo().ready().build();
    expect(ready.progress(ready.assetId!, 'transcode', 50)).toBe(false);
    expect(ready.fail(ready.assetId!, failure)).toBe(false);
    expect(ready.pullDomainEvents()).toEqual([]);
  });

  it('a failure is announced with its cause', () => {
    const video = aVideo().processing().build();
    video.fail(video.assetId!, failure);
    expect(video.pullDomainEvents()).toEqual([
      expect.objectContaining({ constructor: VideoProcessingFailed, failure }),
    ]);
  });
});
