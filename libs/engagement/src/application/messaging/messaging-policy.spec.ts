import { InMemoryUnitOfWork } from '@lib/platform/testing/in-memory';
import { NotAllowedToMessageError } from '../../domain/message/message.errors.js';
import { BlockedError } from '../../domain/restriction/restriction.errors.js';
import { aBlock, aFollow, aMute, inMemoryMessagingPolicy } from '../../testing/index.js';

const FAN = 'user-fan';
const CREATOR = 'user-creator';

describe('who may message whom', () => {
  const setUp = async (...follows: Array<ReturnType<typeof aFollow>>) => {
    const storage = inMemoryMessagingPolicy();
    await new InMemoryUnitOfWork([storage.follows.follows]).transactional(async () => {
      for (const follow of follows) storage.follows.add(follow.build());
    });
    return storage;
  };

  it('lands a stranger’s message in requests by default', async () => {
    const { policy } = await setUp();
    await expect(policy.arrivalFor(CREATOR, FAN)).resolves.toBe('request');
  });

  it('lands it in the inbox when the recipient follows the sender, whatever their policy', async () => {
    const { policy, settings } = await setUp(aFollow().from(CREATOR).to(FAN));
    settings.choose(CREATOR, 'followed');
    await expect(policy.arrivalFor(CREATOR, FAN)).resolves.toBe('active');
  });

  it('does not count the sender following the recipient: only the recipient’s follows open the inbox', async () => {
    const { policy } = await setUp(aFollow().from(FAN).to(CREATOR));
    await expect(policy.arrivalFor(CREATOR, FAN)).resolves.toBe('request');
  });

  it('treats an ended follow as none', async () => {
    const { policy, settings } = await setUp(aFollow().from(CREATOR).to(FAN).ended());
    settings.choose(CREATOR, 'followed');
    await expect(policy.arrivalFor(CREATOR, FAN)).rejects.toBeInstanceOf(NotAllowedToMessageError);
  });

  it('takes anyone straight to the inbox of a recipient who hears from everyone', async () => {
    const { policy, settings } = await setUp();
    settings.choose(CREATOR, 'everyone');
    await expect(policy.arrivalFor(CREATOR, FAN)).resolves.toBe('active');
  });

  it('refuses strangers when the recipient only hears from people they follow', async () => {
    const { policy, settings } = await setUp();
    settings.choose(CREATOR, 'followed');
    await expect(policy.arrivalFor(CREATOR, FAN)).rejects.toBeInstanceOf(NotAllowedToMessageError);
  });

  it.each([
    ['the recipient blocked the sender', aBlock(CREATOR, FAN)],
    ['the sender blocked the recipient', aBlock(FAN, CREATOR)],
  ])('refuses all contact when %s, even between people who follow each other', async (_, block) => {
    const { policy, settings, restrictions } = await setUp(
      aFollow().from(CREATOR).to(FAN),
      aFollow().from(FAN).to(CREATOR),
    );
    settings.choose(CREATOR, 'everyone');
    await restrictions.add(block);
    await expect(policy.arrivalFor(CREATOR, FAN)).rejects.toBeInstanceOf(BlockedError);
  });

  it('lets a muted person still write (a mute only hides them)', async () => {
    const { policy, restrictions } = await setUp(aFollow().from(CREATOR).to(FAN));
    await restrictions.add(aMute(CREATOR, FAN));
    await expect(policy.arrivalFor(CREATOR, FAN)).resolves.toBe('active');
  });

  it('lets contact resume once the block is lifted', async () => {
    const { policy, restrictions } = await setUp();
    await restrictions.add(aBlock(CREATOR, FAN));
    await restrictions.remove(CREATOR, FAN, 'block');
    await expect(policy.arrivalFor(CREATOR, FAN)).resolves.toBe('request');
  });
});
