import { newId } from '@lib/platform';
import { ChannelRoleRequiredError } from '../../../domain/channel/channel.errors.js';
import { VideoNotFoundError } from '../../../domain/video/video.errors.js';
import { VideoDeleted } from '../../../domain/video/video.events.js';
import { aChannel, aVideo, inMemoryStudio, type InMemoryStudio } from '../../../testing/index.js';
import { publishQuotaKey } from '../../publishing/publisher.js';
import { DeleteVideoCommand } from './delete-video.command.js';
import { DeleteVideoHandler } from './delete-video.handler.js';

describe('Deleting a video', () => {
  const [owner, editor, stranger] = [newId(), newId(), newId()];
  const channel = aChannel().ownedBy(owner).withMember(editor, 'editor').build();
  let studio: InMemoryStudio;
  let handler: DeleteVideoHandler;

  beforeEach(() => {
    studio = inMemoryStudio();
    studio.given(channel);
    handler = new DeleteVideoHandler(studio.gate, studio.videos, studio.media, studio.billing, studio.unitOfWork);
  });

  const remove = (videoId: string, userId = owner) => handler.execute(new DeleteVideoCommand(userId, videoId));

  it('removes the media, then the video, and announces the deletion', async () => {
    const video = aVideo().onChannel(channel).published().build();
    studio.given(video);

    await expect(remove(video.id)).resolves.toEqual({ deleted: true });

    expect(studio.media.removed).toEqual([video.assetId]);
    expect(await studio.videos.byId(video.id)).toBeNull();
    expect(studio.unitOfWork.publishedOf(VideoDeleted).map((event) => event.aggregateId)).toEqual([video.id]);
  });

  it('gives a scheduled video’s reserved episode back to the owner’s quota, and a published one’s not', async () => {
    const [scheduled, published] = [
      aVideo().onChannel(channel).scheduled().build(),
      aVideo().onChannel(channel).published().build(),
    ];
    studio.given(scheduled, published);
    await studio.billing.consume(owner, 'episodes_per_month', 1, { key: publishQuotaKey(scheduled.id) });
    await studio.billing.consume(owner, 'episodes_per_month', 1, { key: publishQuotaKey(published.id) });

    await remove(scheduled.id);
    await remove(published.id);

    expect(studio.billing.keysOf(owner)).toEqual([publishQuotaKey(published.id)]);
  });

  it('is for the owner only: an editor is refused and a stranger learns nothing', async () => {
    const video = aVideo().onChannel(channel).ready().build();
    studio.given(video);

    await expect(remove(video.id, editor)).rejects.toBeInstanceOf(ChannelRoleRequiredError);
    await expect(remove(video.id, stranger)).rejects.toBeInstanceOf(VideoNotFoundError);

    expect(studio.media.removed).toEqual([]);
    expect(await studio.videos.byId(video.id)).not.toBeNull();
  });

  it('keeps the video to delete again when its media cannot be removed', async () => {
    const video = aVideo().onChannel(channel).ready().build();
    studio.given(video);
    studio.media.failRemovals(new Error('storage unreachable'));

    await expect(remove(video.id)).rejects.toThrow('storage unreachable');

    expect(await studio.videos.byId(video.id)).not.toBeNull();
    expect(studio.unitOfWork.publishedOf(VideoDeleted)).toEqual([]);
  });
});
