import { Command } from '@nestjs/cqrs';
import type { ChannelBrandingView } from '../../branding-views.js';

/** Accent colour and tagline, replaced together: one left out (or null) is cleared. */
export class SetChannelBrandingCommand extends Command<ChannelBrandingView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly settings: { accentColor?: string | null; tagline?: string | null },
  ) {
    super();
  }
}
