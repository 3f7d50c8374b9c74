import { Message } from './message.js';

const audience = { recipientIds: ['ben'], requestRecipientIds: [], mentionedUserIds: [] };
const sent = (options: { held?: boolean } = {}) =>
  Message.send(
    { conversationId: 'c', seq: 1, senderId: 'ana', clientMessageId: 'x', text: 'hello there', replyToId: null },
    audience,
    options,
  );

describe('a moderator removing and restoring a direct message', () => {
  it('sets the text aside: the message reads as a tombstone until restored, then as before', () => {
    const message = sent();
    message.pullDomainEvents();
    message.removeByModerator(2);
    expect(message).toMatchObject({ body: null, removedBody: 'hello there', revision: 2 });
    expect(message.deletedAt).not.toBeNull();
    expect(message.isRemovedByModerator).toBe(true);

    expect(message.restoreRemoved(3, audience)).toBe(true);
    // Recipients had it already: no second announcement (notification).
    expect(message.pullDomainEvents()).toEqual([]);
    expect(message).toMatchObject({ body: 'hello there', removedBody: null, removedAt: null, deletedAt: null });
    expect(message.revision).toBe(3);
  });

  it('restores nothing the author deleted, nor a message never removed', () => {
    const deleted = sent();
    deleted.delete('ana', 2, 60);
    deleted.removeByModerator(3);
    expect(deleted.removedBody).toBeNull();
    expect(deleted.restoreRemoved(4, audience)).toBe(false);
    expect(deleted.body).toBeNull();
    expect(sent().restoreRemoved(2, audience)).toBe(false);
  });

  it('releases a message removed while held, and only then announces it to recipients', () => {
    const message = sent({ held: true });
    message.removeByModerator(2);
    expect(message.pullDomainEvents()).toEqual([]);
    message.restoreRemoved(3, audience);
    expect(message.pullDomainEvents()).toEqual([
      expect.objectContaining({ aggregateId: message.id, recipientIds: ['ben'] }),
    ]);
    expect(message.isHeld).toBe(false);
    expect(message.body).toBe('hello there');
  });
});
