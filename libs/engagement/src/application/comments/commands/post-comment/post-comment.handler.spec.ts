import { ContentRefusedError } from '@lib/trust-safety/contracts';
import {
  CommentInvalidError,
  CommentNotFoundError,
  CommentsClosedError,
  CommenterMutedError,
  CommentTooLongError,
  ReplyOnOtherVideoError,
  TooManyMentionsError,
  VideoNotCommentableError,
} from '../../../../domain/comments/comment.errors.js';
import { CommentPosted } from '../../../../domain/comments/comment.events.js';
import { BlockedError } from '../../../../domain/restriction/restriction.errors.js';
import { aBlock, inMemoryComments } from '../../../../testing/index.js';
import { PostCommentCommand } from './post-comment.command.js';
import { PostCommentHandler } from './post-comment.handler.js';

const VIDEO = '00000000-0000-7000-8000-000000000001';
const OTHER_VIDEO = '00000000-0000-7000-8000-000000000002';
const CHANNEL = 'channel-1';
const CREATOR = 'creator';

describe('posting a comment', () => {
  const setUp = async () => {
    const ports = inMemoryComments({ maxLength: 50, editWindowSeconds: 60, defaultMaxMentions: 2 });
    await ports.videos.recordPublished({ videoId: VIDEO, channelId: CHANNEL, creatorId: CREATOR, at: new Date() });
    await ports.videos.recordPublished({
      videoId: OTHER_VIDEO,
      channelId: CHANNEL,
      creatorId: CREATOR,
      at: new Date(),
    });
    ports.channels.grant(CREATOR, CHANNEL, 'owner');
    const handler = new PostCommentHandler(
      ports.comments,
      ports.settings,
      ports.videos,
      ports.videoComments,
      ports.restrictions,
      ports.standings,
      ports.mentions,
      ports.screening,
      ports.announcer,
      ports.unitOfWork,
      ports.config,
    );
    const post = (authorId: string, text: string, target: PostCommentCommand['target'] = { videoId: VIDEO }) =>
      handler.execute(new PostCommentCommand(authorId, target, text));
    return { ...ports, post };
  };

  it('stores, counts and announces a comment, screened with its own id before anyone sees it', async () => {
    const { post, videos, screening, announcer, unitOfWork } = await setUp();
    const view = await post('ann', '  Loved it #Cooking  ');
    expect(view).toMatchObject({ text: 'Loved it #Cooking', status: 'visible', hashtags: ['cooking'], threadId: null });
    expect(screening.requests).toEqual([
      { surface: 'comment', authorId: 'ann', text: 'Loved it #Cooking', content: { type: 'comment', id: view.id } },
    ]);
    expect((await videos.find(VIDEO))!.commentCount).toBe(1);
    expect(announcer.announced).toEqual([{ event: 'posted', view, creatorId: CREATOR }]);
    expect(unitOfWork.publishedOf(CommentPosted)).toHaveLength(1);
  });

  it('flattens a reply to a reply into the root thread and counts it on the root', async () => {
    const { post, comments } = await setUp();
    const root = await post('ann', 'root');
    const reply = await post('bob', 'reply', { replyToId: root.id });
    const deeper = await post('cat', 'deeper', { replyToId: reply.id });
    expect(deeper).toMatchObject({ threadId: root.id, inReplyToId: reply.id, inReplyToUserId: 'bob' });
    expect((await comments.find(root.id))!.replyCount).toBe(2);
  });

  it.each([
    ['unknown to engagement', async () => {}],
    [
      'unpublished',
      async (p: Awaited<ReturnType<typeof setUp>>) =>
        p.videos.recordUnpublished({ videoId: VIDEO, channelId: CHANNEL, at: new Date() }),
    ],
    [
      'deleted',
      async (p: Awaited<ReturnType<typeof setUp>>) =>
        p.videos.recordDeleted({ videoId: VIDEO, channelId: CHANNEL, at: new Date() }),
    ],
  ])('refuses a comment on a video that is %s with the same 404', async (kind, arrange) => {
    const ports = await setUp();
    await arrange(ports);
    const target =
      kind === 'unknown to engagement' ? { videoId: '00000000-0000-7000-8000-00000000dead' } : { videoId: VIDEO };
    await expect(ports.post('ann', 'hello', target)).rejects.toBeInstanceOf(VideoNotCommentableError);
    expect(ports.comments.comments.all()).toHaveLength(0);
  });

  it('refuses comments on a video whose team turned them off', async () => {
    const { post, settings } = await setUp();
    const off = await settings.forVideo(VIDEO);
    off.commentsEnabled = false;
    await settings.saveVideo(off);
    await expect(post('ann', 'hello')).rejects.toBeInstanceOf(CommentsClosedError);
  });

  it('refuses a reply that names another video than its comment’s', async () => {
    const { post } = await setUp();
    const onOther = await post('ann', 'elsewhere', { videoId: OTHER_VIDEO });
    await expect(post('bob', 'sneaky', { videoId: VIDEO, replyToId: onOther.id })).rejects.toBeInstanceOf(
      ReplyOnOtherVideoError,
    );
  });

  it.each([
    ['the author blocked the replier', (ann: string, bob: string) => aBlock(ann, bob)],
    ['the replier blocked the author', (ann: string, bob: string) => aBlock(bob, ann)],
  ])('refuses a reply when %s', async (_, block) => {
    const { post, restrictions } = await setUp();
    const root = await post('ann', 'root');
    await restrictions.add(block('ann', 'bob'));
    await expect(post('bob', 'hi', { replyToId: root.id })).rejects.toBeInstanceOf(BlockedError);
  });

  it('refuses more distinct mentions than the account’s standing allows, before storing anything', async () => {
    const { post, standings, comments } = await setUp();
    await expect(post('ann', '@bob @cat @dan look')).rejects.toMatchObject(new TooManyMentionsError(3, 2));
    standings.standings.set('ann', { maxMentions: 3, mutedUntil: null });
    await expect(post('ann', '@bob @cat @dan look')).resolves.toMatchObject({ status: 'visible' });
    expect(comments.comments.all()).toHaveLength(1);
  });

  it('refuses a timed-out account', async () => {
    const { post, standings } = await setUp();
    standings.standings.set('ann', { maxMentions: 5, mutedUntil: new Date(Date.now() + 60_000) });
    await expect(post('ann', 'hello')).rejects.toBeInstanceOf(CommenterMutedError);
  });

  it('refuses empty and oversized texts', async () => {
    const { post } = await setUp();
    await expect(post('ann', ' \n\t ')).rejects.toBeInstanceOf(CommentInvalidError);
    await expect(post('ann', 'x'.repeat(51))).rejects.toBeInstanceOf(CommentTooLongError);
  });

  it('stores nothing when screening refuses the text', async () => {
    const { post, screening, comments, videos } = await setUp();
    screening.answer('buy followers', 'refuse');
    await expect(post('ann', 'buy followers')).rejects.toBeInstanceOf(ContentRefusedError);
    expect(comments.comments.all()).toHaveLength(0);
    expect((await videos.find(VIDEO))!.commentCount).toBe(0);
  });

  it('keeps held comments out of counts and announcements', async () => {
    const { post, screening, announcer, videos } = await setUp();
    screening.answer('suspicious', 'hold');
    await expect(post('ann', 'suspicious')).resolves.toMatchObject({ status: 'held', heldFor: 'screening' });
    expect(announcer.announced).toEqual([]);
    expect((await videos.find(VIDEO))!.commentCount).toBe(0);
  });

  it('holds a first-time commenter for approval when the channel asks, but never its team', async () => {
    const { post, settings } = await setUp();
    await settings.saveChannel(Object.assign(await settings.forChannel(CHANNEL), { approveFirstTimeCommenters: true }));
    await expect(post('ann', 'first')).resolves.toMatchObject({ status: 'held', heldFor: 'approval' });
    await expect(post(CREATOR, 'welcome')).resolves.toMatchObject({ status: 'visible' });
  });

  it('answers 404 for a reply to a comment the replier cannot see', async () => {
    const { post, screening } = await setUp();
    screening.answer('hidden one', 'hide');
    const hidden = await post('ann', 'hidden one');
    await expect(post('bob', 'hi', { replyToId: hidden.id })).rejects.toBeInstanceOf(CommentNotFoundError);
  });
});
