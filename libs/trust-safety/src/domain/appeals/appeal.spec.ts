import { Appeal, reversalOf, type AppealableDecision } from './appeal.js';

const SUBJECT = '018f0000-0000-7000-8000-000000000001';
const ACTING = '018f0000-0000-7000-8000-000000000002';
const OTHER = '018f0000-0000-7000-8000-000000000003';
const decidedAt = new Date('2026-12-01T00:00:00Z');
const decision = (over: Partial<AppealableDecision> = {}): AppealableDecision => ({
  id: '018f0000-0000-7000-8000-0000000000d1',
  moderatorId: ACTING,
  action: 'hide',
  targetType: 'message',
  targetId: '018f0000-0000-7000-8000-0000000000c1',
  subjectUserId: SUBJECT,
  createdAt: decidedAt,
  ...over,
});
const file = (over: Partial<AppealableDecision> = {}, days = 1, text = 'please') =>
  Appeal.file({
    decision: decision(over),
    appellantId: SUBJECT,
    text,
    itemId: '018f0000-0000-7000-8000-0000000000e1',
    now: new Date(decidedAt.getTime() + days * 86_400_000),
  });

describe('Appeal', () => {
  it('takes the subject’s appeal up to the 20th day and refuses it after', () => {
    expect(file({}, 20).status).toBe('open');
    expect(() => file({}, 20.01)).toThrow(expect.objectContaining({ code: 'trust-safety.appeal.window-closed' }));
  });

  it('answers a decision about someone else like a missing one', () => {
    expect(() => file({ subjectUserId: OTHER })).toThrow(
      expect.objectContaining({ code: 'trust-safety.appeal.decision-not-found' }),
    );
  });

  it('refuses texts over 2,000 characters and decisions that found nothing', () => {
    expect(file({}, 1, 'x'.repeat(2_000)).text).toHaveLength(2_000);
    expect(() => file({}, 1, 'x'.repeat(2_001))).toThrow(
      expect.objectContaining({ code: 'trust-safety.appeal.text-too-long' }),
    );
    expect(() => file({ action: 'dismiss' })).toThrow(
      expect.objectContaining({ code: 'trust-safety.appeal.not-appealable' }),
    );
  });

  it('is never decided by the acting moderator; upheld content is restored once, a second decision changes nothing', () => {
    const appeal = file();
    expect(() => appeal.decide(ACTING, 'uphold', 'mine', new Date())).toThrow(
      expect.objectContaining({ code: 'trust-safety.appeal.same-moderator' }),
    );
    appeal.decide(OTHER, 'uphold', 'fine after all', new Date());
    appeal.decide(OTHER, 'deny', 'changed my mind', new Date());
    expect(appeal.status).toBe('upheld');
    expect(appeal.pullDomainEvents().map((e) => e.constructor.name)).toEqual([
      'AppealRestoredContent',
      'AppealDecided',
    ]);
  });

  it('reverses content actions by restoring and sanctions by lifting them', () => {
    expect(reversalOf('remove')).toEqual({ content: true, sanction: null });
    expect(reversalOf('suspend')).toEqual({ content: false, sanction: 'suspension' });
    expect(reversalOf('warn')).toEqual({ content: false, sanction: null });
  });
});
