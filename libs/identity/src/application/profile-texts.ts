import { Injectable } from '@nestjs/common';
import { ContentRefusedError, ContentScreening, type ScreeningSurface } from '@lib/trust-safety/contracts';

/**
 * Names, handles and bios pass trust & safety's screening and are accepted or refused on the spot
 * (docs/adr/0024): a profile shows one current value, so a `hold` or `hide` verdict is answered like a
 * refusal (422, nothing changes) rather than leaving the user's new text waiting unseen; a `flag` is
 * accepted and queued for review.
 */
@Injectable()
export class ProfileTexts {
  constructor(private readonly screening: ContentScreening) {}

  async assertAcceptable(userId: string, texts: [ScreeningSurface, string | null | undefined][]): Promise<void> {
    for (const [surface, text] of texts) {
      if (!text?.trim()) continue;
      const request = { surface, text, authorId: userId };
      const verdict = await this.screening.check(request);
      if (verdict.action === 'flag') {
        await this.screening.screen({ ...request, content: { type: 'user', id: userId } });
      } else if (verdict.action !== 'allow') {
        throw new ContentRefusedError({
          surface,
          rule: verdict.rule ?? surface,
          signals: verdict.signals.map((s) => s.signal),
        });
      }
    }
  }
}
