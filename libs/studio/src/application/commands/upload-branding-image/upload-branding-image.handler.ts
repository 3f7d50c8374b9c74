import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertBrandingImage, type BrandingImage } from '../../../domain/channel/branding.js';
import { ChannelBrandingChanges } from '../../channel-branding.js';
import { ChannelTeams } from '../../channel-teams.js';
import { BrandingImageStore } from '../../media/media-ports.js';
import { UploadBrandingImageCommand } from './upload-branding-image.command.js';

@CommandHandler(UploadBrandingImageCommand)
export class UploadBrandingImageHandler implements ICommandHandler<UploadBrandingImageCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly changes: ChannelBrandingChanges,
    private readonly images: BrandingImageStore,
  ) {}

  async execute({ userId, channelId, kind, bytes, contentType }: UploadBrandingImageCommand) {
    // Refused callers are answered before their bytes are looked at or stored.
    await this.teams.requireToBrand(userId, channelId);
    const image = assertBrandingImage(kind, bytes, contentType);
    const stored: BrandingImage = {
      key: await this.images.put(channelId, kind, bytes, image),
      ...image,
      bytes: bytes.length,
      uploadedAt: new Date().toISOString(),
    };
    try {
      return await this.changes.apply(userId, channelId, 'add', (channel) => [
        channel.setBrandingImage(userId, kind, stored),
      ]);
    } catch (error) {
      await this.changes.release([stored]); // never referenced: nothing shows it
      throw error;
    }
  }
}
