import { newId } from '@lib/platform';
import { ChannelRoleRequiredError } from '../../../domain/channel/channel.errors.js';
import { Collection, CollectionNameTakenError, CollectionNotFoundError } from '../../../domain/library/library.js';
import { VideoUpdated } from '../../../domain/video/video.events.js';
import { aChannel, aVideo, inMemoryStudio, type InMemoryStudio } from '../../../testing/index.js';
import { CreateCollectionCommand } from '../create-collection/create-collection.command.js';
import { CreateCollectionHandler } from '../create-collection/create-collection.handler.js';
import { DeleteCollectionCommand } from './delete-collection.command.js';
import { DeleteCollectionHandler } from './delete-collection.handler.js';

describe('Collections of a channel', () => {
  const [owner, viewer, stranger] = [newId(), newId(), newId()];
  const channel = aChannel().ownedBy(owner).withMember(viewer, 'viewer').build();
  let studio: InMemoryStudio;

  beforeEach(() => {
    studio = inMemoryStudio();
    studio.given(channel);
  });

  const create = (name: string) =>
    new CreateCollectionHandler(studio.teams, studio.unitOfWork, studio.library, studio.persistence).execute(
      new CreateCollectionCommand(owner, channel.id, name),
    );
  const remove = (collectionId: string, userId = owner) =>
    new DeleteCollectionHandler(studio.teams, studio.unitOfWork, studio.library, studio.videos).execute(
      new DeleteCollectionCommand(userId, collectionId),
    );
  /** A video of the channel filed in these collections, stored. */
  const filedIn = (...collectionIds: string[]) => {
    const video = aVideo().onChannel(channel).ready().build();
    video.edit({ collectionIds });
    video.pullDomainEvents();
    studio.given(video);
    return video;
  };

  it('refuses a second collection with the same name on the channel', async () => {
    await create('Specials');

    await expect(create('Specials')).rejects.toBeInstanceOf(CollectionNameTakenError);
    expect(studio.library.collections.all()).toHaveLength(1);
  });

  it('takes each of its videos out of it through the video, leaving their other collections', async () => {
    const [specials, archive] = [new Collection(channel.id, 'Specials'), new Collection(channel.id, 'Archive')];
    studio.given(specials, archive);
    const [both, onlySpecials, onlyArchive] = [
      filedIn(specials.id, archive.id),
      filedIn(specials.id),
      filedIn(archive.id),
    ];
    const versions = [both.version, onlySpecials.version, onlyArchive.version];

    await expect(remove(specials.id)).resolves.toEqual({ deleted: true });

    expect(await studio.library.collectionById(specials.id)).toBeNull();
    expect([both.collectionIds, onlySpecials.collectionIds, onlyArchive.collectionIds]).toEqual([
      [archive.id],
      [],
      [archive.id],
    ]);
    // A changed aggregate, so a concurrent edit of the same video cannot write the old list back.
    expect([both.version, onlySpecials.version, onlyArchive.version]).toEqual([
      versions[0]! + 1,
      versions[1]! + 1,
      versions[2],
    ]);
    expect(studio.unitOfWork.publishedOf(VideoUpdated)).toEqual([
      expect.objectContaining({ aggregateId: both.id, changedFields: ['collectionIds'] }),
      expect.objectContaining({ aggregateId: onlySpecials.id, changedFields: ['collectionIds'] }),
    ]);
  });

  it('is refused to a viewer, and unknown to someone off the team', async () => {
    const specials = new Collection(channel.id, 'Specials');
    studio.given(specials);
    const video = filedIn(specials.id);

    await expect(remove(specials.id, viewer)).rejects.toBeInstanceOf(ChannelRoleRequiredError);
    await expect(remove(specials.id, stranger)).rejects.toBeInstanceOf(CollectionNotFoundError);

    expect(await studio.library.collectionById(specials.id)).not.toBeNull();
    expect(video.collectionIds).toEqual([specials.id]);
  });
});
