import { Comment, validCommentText, type NewComment } from './comment.js';
import {
  CommentInvalidError,
  CommentNotAwaitingApprovalError,
  CommentTooLongError,
  CommentWindowClosedError,
  NotCommentAuthorError,
} from './comment.errors.js';
import { CommentDeleted, CommentPosted } from './comment.events.js';

const base = (overrides: Partial<NewComment> = {}): NewComment => ({
  id: crypto.randomUUID(),
  videoId: 'video-1',
  channelId: 'channel-1',
  authorId: 'ann',
  text: 'Great episode',
  mentionedUserIds: [],
  hashtags: [],
  screening: 'allow',
  needsApproval: false,
  ...overrides,
});

describe('a comment', () => {
  it('is public at once when screening allows it, and announced once', () => {
    const comment = Comment.post(base());
    expect(comment.status).toBe('visible');
    expect(comment.counts).toBe(true);
    expect(comment.pullDomainEvents()).toEqual([expect.any(CommentPosted)]);
  });

  it('joins the root thread when it answers a reply, remembering whom it answers', () => {
    const root = Comment.post(base());
    const reply = Comment.post(base({ authorId: 'bob', replyTo: root }));
    const replyToReply = Comment.post(base({ authorId: 'cat', replyTo: reply }));
    expect(reply.threadId).toBe(root.id);
    expect(replyToReply.threadId).toBe(root.id);
    expect(replyToReply.inReplyToId).toBe(reply.id);
    expect(replyToReply.inReplyToAuthorId).toBe('bob');
  });

  it.each([
    ['hold', 'held', 'screening'],
    ['hide', 'hidden', null],
  ] as const)('is stored %s by screening, seen by its author only, announced to nobody', (outcome, status, heldFor) => {
    const comment = Comment.post(base({ screening: outcome }));
    expect(comment.status).toBe(status);
    expect(comment.heldFor).toBe(heldFor);
    expect(comment.visibleTo('ann', false)).toBe(true);
    expect(comment.visibleTo('bob', false)).toBe(false);
    expect(comment.pullDomainEvents()).toEqual([]);
  });

  it('waits for the team when the channel wants approval; the team sees it and releases it', () => {
    const comment = Comment.post(base({ needsApproval: true }));
    expect(comment).toMatchObject({ status: 'held', heldFor: 'approval' });
    expect(comment.visibleTo('team-member', true)).toBe(true);
    comment.approveByTeam();
    expect(comment.counts).toBe(true);
    expect(comment.pullDomainEvents()).toEqual([expect.any(CommentPosted)]);
    expect(() => comment.approveByTeam()).toThrow(CommentNotAwaitingApprovalError);
  });

  it('lets a moderator’s approval release screening holds but not skip the channel’s approval', () => {
    const screened = Comment.post(base({ screening: 'hold' }));
    expect(screened.moderate('approve')).toBe(true);
    expect(screened.counts).toBe(true);
    const awaitingTeam = Comment.post(base({ needsApproval: true }));
    expect(awaitingTeam.moderate('approve')).toBe(false);
    expect(awaitingTeam.status).toBe('held');
  });

  it('is taken off the page by a moderator and announced as deleted once; repeats change nothing', () => {
    const comment = Comment.post(base());
    comment.pullDomainEvents();
    expect(comment.moderate('remove')).toBe(true);
    expect(comment.visibleTo('ann', false)).toBe(false);
    expect(comment.moderate('remove')).toBe(false);
    expect(comment.pullDomainEvents()).toEqual([expect.any(CommentDeleted)]);
    expect(comment.moderate('restore')).toBe(true);
    expect(comment.counts).toBe(true);
    expect(comment.pullDomainEvents()).toEqual([]); // announced once, when it first became public
  });

  it('is edited by its author within the window, returning the earlier text', () => {
    const comment = Comment.post(base());
    const now = new Date(comment.createdAt.getTime() + 10_000);
    expect(
      comment.edit('ann', 'Great episode! #cooking', { mentionedUserIds: [], hashtags: ['cooking'] }, 60, now),
    ).toBe('Great episode');
    expect(comment).toMatchObject({ body: 'Great episode! #cooking', hashtags: ['cooking'], editedAt: now });
    expect(() => comment.edit('bob', 'x', { mentionedUserIds: [], hashtags: [] }, 60, now)).toThrow(
      NotCommentAuthorError,
    );
    const late = new Date(comment.createdAt.getTime() + 61_000);
    expect(() => comment.edit('ann', 'x', { mentionedUserIds: [], hashtags: [] }, 60, late)).toThrow(
      CommentWindowClosedError,
    );
  });

  it('leaves a tombstone without text, tags or mentions when deleted', () => {
    const comment = Comment.post(base({ hashtags: ['cooking'], mentionedUserIds: ['bob'] }));
    comment.pullDomainEvents();
    comment.delete('team');
    expect(comment).toMatchObject({ body: null, hashtags: [], mentionedUserIds: [], counts: false });
    expect(comment.pullDomainEvents()).toEqual([expect.objectContaining({ deletedBy: 'team' })]);
  });

  it('refuses blank and oversized texts, counting characters rather than bytes', () => {
    expect(() => validCommentText('   \n ', 10)).toThrow(CommentInvalidError);
    expect(() => validCommentText('x'.repeat(11), 10)).toThrow(CommentTooLongError);
    expect(validCommentText(' 😀'.repeat(5), 10)).toBe('😀 😀 😀 😀 😀');
  });
});
