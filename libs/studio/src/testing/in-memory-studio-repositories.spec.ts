import { InMemoryUnitOfWork } from '@lib/platform/testing/in-memory';
import {
  VideoDeleted,
  VideoPublished,
  VideoReady,
  VideoScheduled,
  VideoUnpublished,
} from '../domain/video/video.events.js';
import { aChannel } from './channel.builder.js';
import { InMemoryVideoRepository } from './in-memory-studio-repositories.js';
import { aVideo } from './video.builder.js';

const HOUR_MS = 3_600_000;

describe('videos in the in-memory repository', () => {
  const channel = aChannel().build();

  it('announces each step once it is saved, and nothing from a transaction that failed', async () => {
    const videos = new InMemoryVideoRepository();
    const unitOfWork = new InMemoryUnitOfWork([videos.videos]);
    const video = aVideo().onChannel(channel).processing().build();
    await unitOfWork.transactional(async () => videos.add(video));

    await unitOfWork.transactional(async () => video.finishProcessing(video.assetId!, 42));
    await expect(
      unitOfWork.transactional(async () => {
        video.publish(channel.ownerId);
        throw new Error('the quota could not be reserved');
      }),
    ).rejects.toThrow();
    expect(video.state).toBe('ready');
    await unitOfWork.transactional(async () => video.schedule(new Date(Date.now() + HOUR_MS), null));
    await unitOfWork.transactional(async () => video.publish(channel.ownerId));
    await unitOfWork.transactional(async () => video.unpublish());
    await unitOfWork.transactional(async () => {
      video.markDeleted();
      videos.remove(video);
    });

    expect(unitOfWork.published.map((event) => event.constructor)).toEqual([
      VideoReady,
      VideoScheduled,
      VideoPublished,
      VideoUnpublished,
      VideoDeleted,
    ]);
    expect(await videos.byId(video.id)).toBeNull();
  });

  it('finds videos by their ids, and keeps a video whose deletion was rolled back', async () => {
    const videos = new InMemoryVideoRepository();
    const unitOfWork = new InMemoryUnitOfWork([videos.videos]);
    const [first, second] = [aVideo().build(), aVideo().published().build()];
    await unitOfWork.transactional(async () => {
      videos.add(first);
      videos.add(second);
    });

    await expect(
      unitOfWork.transactional(async () => {
        videos.remove(first);
        throw new Error('the media could not be deleted');
      }),
    ).rejects.toThrow();

    expect((await videos.byIds([first.id, second.id])).map((video) => video.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
  });
});
