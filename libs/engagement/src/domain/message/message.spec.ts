import { Message, mentionedHandles, validMessageText } from './message.js';

describe('message rules', () => {
  it('finds @handles once each, lower-cased, not inside e-mail addresses or words', () => {
    expect(mentionedHandles('hi @Ana and @ben_2, @ana again; mail me at x@example.com or @no')).toEqual([
      'ana',
      'ben_2',
    ]);
    expect(mentionedHandles('@start of line')).toEqual(['start']);
    expect(mentionedHandles('nothing here')).toEqual([]);
  });

  it('counts length in characters, not UTF-16 units, and refuses blank text', () => {
    expect(validMessageText('🎬'.repeat(3), 3)).toBe('🎬🎬🎬');
    expect(() => validMessageText('🎬'.repeat(4), 3)).toThrow(
      expect.objectContaining({ code: 'engagement.message.too-long' }),
    );
    expect(() => validMessageText(' \n\t ', 10)).toThrow(
      expect.objectContaining({ code: 'engagement.message.invalid' }),
    ); // The socket fuzzer's text: NEL, line and paragraph separators, spaces (String#trim keeps the NEL).
    expect(() => validMessageText('\u0085\u2028\u2029\u3000 ', 10)).toThrow(
      expect.objectContaining({ code: 'engagement.message.invalid' }),
    );
    // The same rule as comments and posts (isBlankText): zero-width characters alone are blank too.
    expect(() => validMessageText('\u200B\u2060\uFEFF', 10)).toThrow(
      expect.objectContaining({ code: 'engagement.message.invalid' }),
    );
    expect(validMessageText('\u0085a', 10)).toBe('\u0085a');
  });

  it('lets only the author edit or delete, within the window, and never after deletion', () => {
    const sentAt = new Date();
    const message = Message.send(
      { conversationId: 'c', seq: 1, senderId: 'ana', clientMessageId: 'x', text: 'helo', replyToId: null },
      { recipientIds: ['ben'], requestRecipientIds: [], mentionedUserIds: [] },
    );
    expect(() => message.edit('ben', 'hijack', 2, 60, sentAt)).toThrow(
      expect.objectContaining({ code: 'engagement.message.not-author' }),
    );
    expect(message.edit('ana', 'hello', 2, 60, sentAt)).toBe('helo');
    expect(message).toMatchObject({ body: 'hello', revision: 2 });
    const late = new Date(message.createdAt.getTime() + 61_000);
    expect(() => message.edit('ana', 'again', 3, 60, late)).toThrow(
      expect.objectContaining({ code: 'engagement.message.window-closed' }),
    );
    message.delete('ana', 3, 3600, late);
    expect(message).toMatchObject({ body: null, revision: 3 });
    expect(() => message.delete('ana', 4, 3600, late)).toThrow(
      expect.objectContaining({ code: 'engagement.message.deleted' }),
    );
    expect(message.pullDomainEvents()).toHaveLength(1); // only the send is announced
  });
});
