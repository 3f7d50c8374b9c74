import type { ConsumerContext } from '@lib/platform';
import { ContentActionedV1, type ContentAction } from '@lib/trust-safety/contracts';
import { Comment } from '../../../domain/comments/comment.js';
import { CommentDeleted, CommentPosted } from '../../../domain/comments/comment.events.js';
import { inMemoryComments } from '../../../testing/index.js';
import { ModerateCommentsOnContentActioned } from './moderate-comments-on-content-actioned.js';

const VIDEO = 'video-1';

describe('trust & safety’s decisions on comments', () => {
  const setUp = async (screening: 'allow' | 'hold' | 'hide') => {
    const ports = inMemoryComments();
    await ports.videos.recordPublished({
      videoId: VIDEO,
      channelId: 'channel-1',
      creatorId: 'creator',
      at: new Date(),
    });
    const comment = Comment.post({
      id: crypto.randomUUID(),
      videoId: VIDEO,
      channelId: 'channel-1',
      authorId: 'ann',
      text: 'hello',
      mentionedUserIds: [],
      hashtags: [],
      screening,
      needsApproval: false,
    });
    await ports.unitOfWork.transactional(async () => {
      await ports.comments.save(comment);
      if (comment.counts) await ports.videos.adjustCommentCount(VIDEO, 1);
    });
    const reaction = new ModerateCommentsOnContentActioned(ports.comments, ports.videos, ports.announcer);
    const decide = (action: ContentAction, contentType: 'comment' | 'message' = 'comment') =>
      ports.unitOfWork.transactional(() =>
        reaction.handle({
          event: new ContentActionedV1({
            decisionId: crypto.randomUUID(),
            contentType,
            contentId: comment.id,
            action,
            rule: null,
            reason: 'review',
            decidedAt: new Date().toISOString(),
          }),
        } as ConsumerContext<ContentActionedV1>),
      );
    return { ...ports, comment, decide };
  };

  it('publishes a comment held by screening when a moderator approves it, announcing it like a new one', async () => {
    const { decide, comment, videos, announcer, unitOfWork } = await setUp('hold');
    await decide('approve');
    expect(comment.status).toBe('visible');
    expect((await videos.find(VIDEO))!.commentCount).toBe(1);
    expect(announcer.announced).toEqual([expect.objectContaining({ event: 'posted', creatorId: 'creator' })]);
    expect(unitOfWork.publishedOf(CommentPosted)).toHaveLength(1);
  });

  it('takes a public comment off the page on hide or remove, once, however often the decision arrives', async () => {
    const { decide, comment, videos, unitOfWork } = await setUp('allow');
    await decide('remove');
    await decide('remove');
    expect(comment.status).toBe('removed');
    expect((await videos.find(VIDEO))!.commentCount).toBe(0);
    expect(unitOfWork.publishedOf(CommentDeleted)).toHaveLength(1);
    await decide('restore');
    expect((await videos.find(VIDEO))!.commentCount).toBe(1);
  });

  it('ignores decisions about other contexts’ content', async () => {
    const { decide, comment } = await setUp('allow');
    await decide('remove', 'message');
    expect(comment.status).toBe('visible');
  });
});
