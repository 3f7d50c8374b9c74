import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertBrandingImage, type BrandingImage } from '../../../domain/channel/branding.js';
import { withoutMetadata } from '../../../domain/channel/image-metadata.js';
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
    const { ownerId } = await this.teams.requireToBrand(userId, channelId);
    const image = assertBrandingImage(kind, bytes, contentType);
    // What is stored (and counted) is the image without EXIF, XMP, comments and the like.
    const clean = withoutMetadata(image.type, bytes);
    const counted: { image?: BrandingImage } = {};
    try {
      await this.images.put(channelId, kind, clean, image, async (key) => {
        await this.changes.charge(ownerId, key, clean.length);
        counted.image = {
          key,
          ...image,
          bytes: clean.length,
          uploadedAt: new Date().toISOString(),
          chargedTo: ownerId,
        };
      });
      return await this.changes.apply(userId, channelId, 'add', (channel) => [
        channel.setBrandingImage(userId, kind, counted.image!),
      ]);
    } catch (error) {
      // Counted but never referenced (storing or the channel's change failed): the file and its bytes go back.
      if (counted.image) await this.changes.release([counted.image]);
      throw error;
    }
  }
}
