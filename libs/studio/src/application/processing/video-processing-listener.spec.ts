import { newId } from '@lib/platform';
import { VideoProcessingFailed, VideoReady } from '../../domain/video/video.events.js';
import { aChannel, aVideo, inMemoryStudio, type InMemoryStudio } from '../../testing/index.js';
import type { MediaAssetView } from '../media/media-ports.js';
import { VideoProcessingListener } from './video-processing-listener.js';

describe('The media side reporting on a video’s processing', () => {
  const [owner, editor, invitee] = [newId(), newId(), newId()];
  const channel = aChannel().ownedBy(owner).withMember(editor, 'editor').withInvitation(invitee, 'viewer').build();
  let studio: InMemoryStudio;
  let listener: VideoProcessingListener;

  beforeEach(() => {
    studio = inMemoryStudio();
    studio.given(channel);
    listener = new VideoProcessingListener(studio.persistence, studio.videos, studio.access, studio.realtime);
  });

  const processingVideo = () => {
    const video = aVideo().onChannel(channel).processing().build();
    studio.given(video);
    return video;
  };
  const ready = (videoId: string, assetId: string, durationSeconds = 95) =>
    listener.onReady({
      assetId,
      videoId,
      channelId: channel.id,
      asset: { durationSeconds } as MediaAssetView,
    });
  const failed = (videoId: string, assetId: string) =>
    listener.onFailed({
      assetId,
      videoId,
      channelId: channel.id,
      step: 'transcode',
      code: 'studio.media.unreadable',
      message: 'The file could not be decoded',
    });

  it('makes a processing video ready with its duration, and tells every member of the team (not invitees)', async () => {
    const video = processingVideo();

    await ready(video.id, video.assetId!);

    expect(await studio.videos.byId(video.id)).toMatchObject({ state: 'ready', durationSeconds: 95 });
    expect(studio.unitOfWork.publishedOf(VideoReady).map((event) => event.aggregateId)).toEqual([video.id]);
    expect(studio.realtime.sent.map((push) => push.userId).sort()).toEqual([owner, editor].sort());
    expect(studio.realtime.sent[0]).toMatchObject({
      event: 'studio:video-processing',
      payload: { videoId: video.id, state: 'ready', percent: 100, error: null },
    });
  });

  it('marks a processing video failed with the media side’s code, message and step, and says so to the team', async () => {
    const video = processingVideo();

    await failed(video.id, video.assetId!);

    const failure = { code: 'studio.media.unreadable', message: 'The file could not be decoded', step: 'transcode' };
    expect(await studio.videos.byId(video.id)).toMatchObject({ state: 'failed', failure });
    expect(studio.unitOfWork.publishedOf(VideoProcessingFailed)).toHaveLength(1);
    expect(studio.realtime.sent.map((push) => push.payload)).toEqual([
      expect.objectContaining({ state: 'failed', error: failure }),
      expect.objectContaining({ state: 'failed', error: failure }),
    ]);
  });

  it('changes nothing and tells no one when a report repeats or comes too late', async () => {
    const video = processingVideo();
    await ready(video.id, video.assetId!);
    studio.realtime.sent.length = 0;

    await ready(video.id, video.assetId!, 12);
    await failed(video.id, video.assetId!);

    expect(await studio.videos.byId(video.id)).toMatchObject({ state: 'ready', durationSeconds: 95, failure: null });
    expect(studio.unitOfWork.publishedOf(VideoReady)).toHaveLength(1);
    expect(studio.unitOfWork.publishedOf(VideoProcessingFailed)).toHaveLength(0);
    expect(studio.realtime.sent).toEqual([]);
  });

  it('ignores a report about a video that no longer exists', async () => {
    await expect(ready(newId(), 'asset-gone')).resolves.toBeUndefined();
    expect(studio.realtime.sent).toEqual([]);
  });
});
