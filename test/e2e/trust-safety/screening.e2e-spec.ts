import { randomUUID } from 'node:crypto';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { UnitOfWork } from '@lib/platform';
import type { TestApp } from '@lib/platform/testing';
import { ContentRefusedError, ContentScreening, type ScreeningRequest } from '@lib/trust-safety/contracts';
import { startShowrunner } from '../../support/showrunner.js';

/** The screening port as other contexts call it, on the real database and Redis. */
describe('screening user-written text', () => {
  let app: TestApp;
  let screening: ContentScreening;
  let unitOfWork: UnitOfWork;
  let orm: MikroORM;

  const inRequest = <T>(work: () => Promise<T>) => RequestContext.create(orm.em, work);
  const screeningsOf = (contentId: string) =>
    orm.em
      .fork()
      .execute<{ status: string; action: string; rule: string; policy_version: number; text: string }[]>(
        'select status, action, rule, policy_version, text from trust_safety.screenings where content_id = ?',
        [contentId],
      );
  const message = (text: string, authorId = randomUUID()): ScreeningRequest & { content: { id: string } } => ({
    surface: 'message',
    authorId,
    text,
    content: { type: 'message', id: randomUUID() },
  });

  beforeAll(async () => {
    app = await startShowrunner();
    screening = app.app.get(ContentScreening);
    unitOfWork = app.app.get(UnitOfWork);
    orm = app.app.get(MikroORM);
  });
  afterAll(() => app.close());

  it('allows an ordinary message and records nothing', async () => {
    const request = message('See you at the premiere tonight!');
    const verdict = await inRequest(() => screening.screen(request));
    expect(verdict).toEqual({ action: 'allow', rule: null, signals: [], policyVersion: 1, spamModelVersion: null });
    expect(await screeningsOf(request.content.id)).toEqual([]);
  });

  it('holds a profane message and queues it for review with the content it was written in', async () => {
    const request = message('you are a f u c k i n g clown');
    const verdict = await inRequest(() => unitOfWork.transactional(() => screening.screen(request)));
    expect(verdict).toMatchObject({ action: 'hold', rule: 'message.profanity', policyVersion: 1 });
    expect(verdict.signals).toEqual([{ signal: 'profanity', score: 1, detail: 'fuck' }]);
    expect(await screeningsOf(request.content.id)).toEqual([
      { status: 'pending', action: 'hold', rule: 'message.profanity', policy_version: 1, text: request.text },
    ]);
  });

  it('keeps no review item for content whose own transaction rolls back', async () => {
    const request = message('sh1t happens');
    await expect(
      inRequest(() =>
        unitOfWork.transactional(async () => {
          await screening.screen(request);
          throw new Error('the message could not be stored');
        }),
      ),
    ).rejects.toThrow('could not be stored');
    expect(await screeningsOf(request.content.id)).toEqual([]);
  });

  it('refuses a slur, and keeps the refusal on record although the caller rolls back', async () => {
    const request = message('n1gg3r');
    const refusal = await inRequest(() => unitOfWork.transactional(() => screening.screen(request))).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ContentRefusedError);
    expect((refusal as ContentRefusedError).details).toEqual({
      surface: 'message',
      rule: 'message.slur',
      signals: ['slur'],
    });
    expect(await screeningsOf(request.content.id)).toMatchObject([{ status: 'refused', action: 'refuse' }]);
  });

  it('holds the same text once its author floods it, counting only what was really posted', async () => {
    const authorId = randomUUID();
    const text = 'Check my channel for free giveaways';
    // Dry runs count nothing.
    for (let i = 0; i < 5; i += 1) await inRequest(() => screening.check(message(text, authorId)));
    const actions: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      actions.push((await inRequest(() => screening.screen(message(`${text}!`.toUpperCase(), authorId)))).action);
    }
    expect(actions).toEqual(['allow', 'allow', 'allow', 'hold']);
    // Another author posting the same text is not flooding.
    expect((await inRequest(() => screening.screen(message(text)))).action).toBe('allow');
  });

  it('refuses an oversized text with a clear error before looking at it', async () => {
    const refusal = await inRequest(() => screening.check(message('a'.repeat(20_001)))).catch(
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ code: 'trust-safety.text.too-long', kind: 'invalid' });
  });
});
