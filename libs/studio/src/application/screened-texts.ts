import { Injectable } from '@nestjs/common';
import {
  ContentRefusedError,
  ContentScreening,
  type ContentRef,
  type ScreeningSurface,
} from '@lib/trust-safety/contracts';
import type { Caption } from '../domain/video/captions.js';
import type { VideoInput } from './video-input.js';

/**
 * Channel names and descriptions, video titles, descriptions and captions pass trust & safety's
 * screening before anyone else sees them (docs/adr/0024). Studio shows one current value and has no
 * "held" state, so `hold` and `hide` are answered like a refusal (422, nothing changes), as identity
 * does for profiles; a `flag` is accepted and queued for review. Call inside the storing transaction.
 */
@Injectable()
export class ScreenedTexts {
  constructor(private readonly screening: ContentScreening) {}

  video(authorId: string, videoId: string, input: Pick<VideoInput, 'title' | 'description'>): Promise<void> {
    return this.assertAcceptable(authorId, { type: 'video', id: videoId }, [
      ['video.title', input.title],
      ['video.description', input.description],
    ]);
  }

  caption(authorId: string, videoId: string, caption: Caption): Promise<void> {
    // The cue texts only: timings and the WEBVTT header are not anyone's words.
    const words = caption.content
      .split('\n')
      .filter((line) => line.trim() && !line.includes('-->') && !/^(WEBVTT|NOTE\b|\d+$)/.test(line.trim()))
      .join('\n');
    return this.assertAcceptable(authorId, { type: 'video', id: videoId }, [['video.caption', words]]);
  }

  channel(authorId: string, channelId: string, input: { name?: string; description?: string }): Promise<void> {
    return this.assertAcceptable(authorId, { type: 'channel', id: channelId }, [
      ['channel.name', input.name],
      ['channel.description', input.description],
    ]);
  }

  /** A branding tagline is screened as the channel's description is (the same place on a page). */
  tagline(authorId: string, channelId: string, tagline: string | null): Promise<void> {
    return this.assertAcceptable(authorId, { type: 'channel', id: channelId }, [['channel.description', tagline]]);
  }

  private async assertAcceptable(
    authorId: string,
    content: ContentRef,
    texts: [ScreeningSurface, string | null | undefined][],
  ): Promise<void> {
    for (const [surface, text] of texts) {
      if (!text?.trim()) continue;
      const request = { surface, text, authorId };
      const verdict = await this.screening.check(request);
      if (verdict.action === 'allow') continue;
      if (verdict.action === 'flag') await this.screening.screen({ ...request, content });
      else
        throw new ContentRefusedError({
          surface,
          rule: verdict.rule ?? surface,
          signals: verdict.signals.map((signal) => signal.signal),
        });
    }
  }
}
