import { Command } from '@nestjs/cqrs';
import type { BrandingImageKind } from '../../../domain/channel/branding.js';
import type { ChannelBrandingView } from '../../branding-views.js';

export class RemoveBrandingImageCommand extends Command<ChannelBrandingView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly kind: BrandingImageKind,
  ) {
    super();
  }
}
