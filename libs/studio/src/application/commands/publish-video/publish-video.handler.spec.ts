import { newId } from '@lib/platform';
import { ChannelRoleRequiredError } from '../../../domain/channel/channel.errors.js';
import { VideoNotReadyError } from '../../../domain/video/video.errors.js';
import { VideoPublished, VideoScheduled, VideoUnpublished } from '../../../domain/video/video.events.js';
import { aChannel, aVideo, inMemoryStudio, type InMemoryStudio } from '../../../testing/index.js';
import { publishQuotaKey } from '../../publishing/publisher.js';
import { UnpublishVideoCommand } from '../unpublish-video/unpublish-video.command.js';
import { UnpublishVideoHandler } from '../unpublish-video/unpublish-video.handler.js';
import { PublishVideoCommand } from './publish-video.command.js';
import { PublishVideoHandler } from './publish-video.handler.js';

const HOUR_MS = 3_600_000;

describe('Publishing and unpublishing a video', () => {
  const [owner, editor, viewer] = [newId(), newId(), newId()];
  const channel = aChannel().ownedBy(owner).withMember(editor, 'editor').withMember(viewer, 'viewer').build();
  let studio: InMemoryStudio;

  const setUp = (options: { publishQuota?: number } = {}) => {
    studio = inMemoryStudio(options);
    studio.given(channel);
  };
  beforeEach(() => setUp());

  const publish = (videoId: string, at?: string, userId = editor) =>
    new PublishVideoHandler(studio.gate, studio.publisher, studio.views).execute(
      new PublishVideoCommand(userId, videoId, at, at ? 'UTC' : undefined),
    );
  const unpublish = (videoId: string, userId = editor) =>
    new UnpublishVideoHandler(studio.gate, studio.publisher, studio.views).execute(
      new UnpublishVideoCommand(userId, videoId),
    );
  const given = (video: ReturnType<typeof aVideo>) => {
    const built = video.onChannel(channel).build();
    studio.given(built);
    return built;
  };

  it('publishes a ready video now, counting one episode against the owner’s quota', async () => {
    const video = given(aVideo().ready());

    const view = await publish(video.id);

    expect(view).toMatchObject({ state: 'published' });
    expect(studio.billing.keysOf(owner)).toEqual([publishQuotaKey(video.id)]);
    expect(studio.unitOfWork.publishedOf(VideoPublished)).toEqual([
      expect.objectContaining({ aggregateId: video.id, creatorId: owner }),
    ]);
    expect(studio.queue.jobs.size).toBe(0);
  });

  it('schedules a ready video with a delayed job at that time, reserving its episode', async () => {
    const video = given(aVideo().ready());
    const at = new Date(Date.now() + 2 * HOUR_MS);

    const view = await publish(video.id, at.toISOString());

    expect(view).toMatchObject({ state: 'scheduled', scheduledAt: at.toISOString() });
    expect([...studio.queue.jobs.values()]).toEqual([{ videoId: video.id, at }]);
    expect(studio.billing.keysOf(owner)).toEqual([publishQuotaKey(video.id)]);
    expect(studio.unitOfWork.publishedOf(VideoScheduled)).toHaveLength(1);
  });

  it('answers not-ready for a video still processing, before billing counts anything', async () => {
    const video = given(aVideo().processing());

    await expect(publish(video.id)).rejects.toBeInstanceOf(VideoNotReadyError);

    expect(studio.billing.keysOf(owner)).toEqual([]);
    expect((await studio.videos.byId(video.id))!.state).toBe('processing');
  });

  it('leaves the video ready when the owner’s quota is used up', async () => {
    setUp({ publishQuota: 1 });
    const [first, second] = [given(aVideo().ready()), given(aVideo().ready())];
    await publish(first.id);

    await expect(publish(second.id)).rejects.toMatchObject({ code: 'billing.quota.exceeded' });

    expect((await studio.videos.byId(second.id))!.state).toBe('ready');
    expect(studio.unitOfWork.publishedOf(VideoPublished)).toHaveLength(1);
  });

  it('refuses a viewer', async () => {
    const video = given(aVideo().ready());

    await expect(publish(video.id, undefined, viewer)).rejects.toBeInstanceOf(ChannelRoleRequiredError);
    await expect(unpublish(video.id, viewer)).rejects.toBeInstanceOf(ChannelRoleRequiredError);
    expect((await studio.videos.byId(video.id))!.state).toBe('ready');
  });

  it('unpublishes a published video and republishes it without counting it twice', async () => {
    const video = given(aVideo().ready());
    await publish(video.id);

    expect(await unpublish(video.id)).toMatchObject({ state: 'unpublished' });
    expect(studio.unitOfWork.publishedOf(VideoUnpublished)).toHaveLength(1);
    expect(await publish(video.id)).toMatchObject({ state: 'published' });

    expect(studio.billing.keysOf(owner)).toEqual([publishQuotaKey(video.id)]);
    expect(studio.unitOfWork.publishedOf(VideoPublished)).toHaveLength(2);
  });

  it('cancels a schedule by unpublishing: the video is ready again and its episode goes back to the quota', async () => {
    const video = given(aVideo().ready());
    await publish(video.id, new Date(Date.now() + HOUR_MS).toISOString());

    const view = await unpublish(video.id);

    expect(view).toMatchObject({ state: 'ready', scheduledAt: null });
    expect(studio.billing.keysOf(owner)).toEqual([]);
    expect(studio.unitOfWork.publishedOf(VideoUnpublished)).toHaveLength(0);
  });
});
