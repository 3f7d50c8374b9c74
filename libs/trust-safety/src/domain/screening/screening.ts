import { newId } from '@lib/platform/ddd';
import type {
  ContentRef,
  ScreeningAction,
  ScreeningSignal,
  ScreeningSurface,
  ScreeningVerdict,
} from '../../contracts/index.js';

/** `pending`: waits in the review queue. `refused`: never stored by its owner, kept for the record only. */
export type ScreeningStatus = 'pending' | 'refused';

/** Longest text kept with a screening: enough for a moderator to judge it, bounded for storage. */
export const SCREENING_TEXT_KEPT = 4_000;

/** A non-`allow` verdict on a piece of content, kept for review and for the record. */
export class Screening {
  id!: string;
  contentType!: ContentRef['type'];
  contentId!: string;
  authorId!: string;
  surface!: ScreeningSurface;
  action!: Exclude<ScreeningAction, 'allow'>;
  rule!: string;
  signals!: ScreeningSignal[];
  policyVersion!: number;
  spamModelVersion!: string | null;
  /** The text as screened, so a reviewer sees what the verdict was about even if its owner changes it. */
  text!: string;
  status!: ScreeningStatus;
  createdAt!: Date;

  static of(
    request: { content: ContentRef; authorId: string; surface: ScreeningSurface; text: string },
    verdict: ScreeningVerdict,
    now = new Date(),
  ): Screening {
    if (verdict.action === 'allow' || !verdict.rule) throw new Error('an allowed text is not recorded');
    return Object.assign(new Screening(), {
      id: newId(),
      contentType: request.content.type,
      contentId: request.content.id,
      authorId: request.authorId,
      surface: request.surface,
      action: verdict.action,
      rule: verdict.rule,
      signals: verdict.signals,
      policyVersion: verdict.policyVersion,
      spamModelVersion: verdict.spamModelVersion,
      text: request.text.slice(0, SCREENING_TEXT_KEPT),
      status: verdict.action === 'refuse' ? 'refused' : 'pending',
      createdAt: now,
    });
  }
}
