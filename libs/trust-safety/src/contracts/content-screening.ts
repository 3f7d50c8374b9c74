import { DomainError } from '@lib/platform/ddd';

/** Where a text is shown; the moderation policy sets its rules per surface. */
export const SCREENING_SURFACES = [
  'profile.name',
  'profile.bio',
  'channel.name',
  'channel.description',
  'video.title',
  'video.description',
  'video.caption',
  'message',
  'comment',
  'post',
  'live-chat',
] as const;
export type ScreeningSurface = (typeof SCREENING_SURFACES)[number];

/**
 * What happens to a text, from mildest to strictest. `flag` stays visible and is queued for review;
 * `hold` is invisible to everyone but its author until a moderator approves it; `hide` is invisible
 * and queued; `refuse` is never stored (the caller answers 422).
 */
export const SCREENING_ACTIONS = ['allow', 'flag', 'hold', 'hide', 'refuse'] as const;
export type ScreeningAction = (typeof SCREENING_ACTIONS)[number];

/** The kinds of content other contexts own and trust & safety can act on. */
export const CONTENT_TYPES = ['user', 'channel', 'video', 'comment', 'message', 'post', 'live-chat'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** A piece of content in the context that owns it. */
export interface ContentRef {
  type: ContentType;
  id: string;
}

/** One thing the check noticed, e.g. `{ signal: 'profanity', score: 1, detail: 'matched 2 terms' }`. */
export interface ScreeningSignal {
  signal: string;
  /** 0..1: how strongly the signal fired. */
  score: number;
  detail?: string;
}

export interface ScreeningRequest {
  surface: ScreeningSurface;
  authorId: string;
  text: string;
  /**
   * The content being written. With a ref, a `flag`, `hold` or `hide` verdict is recorded for review
   * in the caller's unit of work, and a later decision arrives as `trust-safety.content-actioned.v1`.
   * Without one (a dry run, a preview) nothing is recorded.
   */
  content?: ContentRef;
}

export interface ScreeningVerdict {
  action: ScreeningAction;
  /** The policy rule that decided a non-`allow` action, e.g. `message.profanity`; null when allowed. */
  rule: string | null;
  signals: ScreeningSignal[];
  policyVersion: number;
  /** The spam model that scored the text, recorded so a verdict can be explained later. */
  spamModelVersion: string | null;
}

/** A text the policy refuses outright; nothing was stored. */
export class ContentRefusedError extends DomainError {
  readonly code = 'trust-safety.content.refused';
  readonly kind = 'rule-violated';
  constructor(details: { surface: ScreeningSurface; rule: string; signals: string[] }) {
    super(`This text is not allowed here (${details.rule})`, details);
  }
}

/**
 * Trust & safety's synchronous port: every user-written text passes `screen` before anyone else sees
 * it. It runs in-process (no network), so it is safe on a write path.
 */
export abstract class ContentScreening {
  /** Evaluates without recording anything (previews, benchmarks). */
  abstract check(request: ScreeningRequest): Promise<ScreeningVerdict>;
  /**
   * Evaluates and, when the request names its content and the verdict is `flag`, `hold` or `hide`,
   * queues it for review. Throws `ContentRefusedError` on `refuse`, so callers store nothing.
   */
  abstract screen(request: ScreeningRequest): Promise<ScreeningVerdict>;
  /**
   * `screen` in two steps, for a write that should not hold its transaction open through the evaluation
   * (the signals and a Redis round trip): `assess` before the transaction opens counts the text as
   * posted and throws `ContentRefusedError` on `refuse`; `record` inside it queues a `flag`, `hold` or
   * `hide` for review, committing or rolling back with the content.
   */
  abstract assess(request: ScreeningRequest): Promise<ScreeningVerdict>;
  abstract record(request: ScreeningRequest, verdict: ScreeningVerdict): Promise<void>;
}
