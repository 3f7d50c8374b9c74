import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { BrandingImageRejectedError } from '../../domain/channel/branding.js';
import { BrandingImageStore } from './media-ports.js';
import { MediaStorage } from './media-storage.js';
import { MediaTools } from './media-tools.js';
import { MediaUrlSigner } from './media-url-signer.js';

const EXTENSIONS = { png: 'png', jpeg: 'jpg', webp: 'webp' } as const;
const CODECS = { png: 'png', jpeg: 'mjpeg', webp: 'webp' } as const;
const CONTENT_TYPES = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;

/** The public path of a branding file under `/v1/media/<channelId>/`: what a signature covers. */
export const BRANDING_FILE_PATH = /^branding\/(banner|logo)-[0-9a-f]{16}\.(png|jpg|webp)$/;

/** Branding images in the media store (`branding/<channelId>/<kind>-<random>.<ext>`), checked by ffprobe first. */
@Injectable()
export class MediaBrandingImages extends BrandingImageStore {
  constructor(
    private readonly config: AppConfig,
    private readonly storage: MediaStorage,
    private readonly tools: MediaTools,
    private readonly signer: MediaUrlSigner,
  ) {
    super();
  }

  async put(
    channelId: string,
    kind: 'banner' | 'logo',
    bytes: Buffer,
    image: { type: 'png' | 'jpeg' | 'webp'; width: number; height: number },
    beforeStoring: (key: string) => Promise<void>,
  ): Promise<string> {
    const file = `${kind}-${randomBytes(8).toString('hex')}.${EXTENSIONS[image.type]}`;
    const scratch = join(this.config.media.workDir, 'branding', `${channelId}-${file}`);
    await mkdir(join(this.config.media.workDir, 'branding'), { recursive: true });
    try {
      await writeFile(scratch, bytes);
      // The header was read by the domain; ffprobe confirms a decoder agrees on what the file is.
      const probe = await this.tools.probe(scratch);
      const video = probe?.video;
      if (!video || video.codec !== CODECS[image.type] || video.width !== image.width || video.height !== image.height)
        throw new BrandingImageRejectedError(
          'studio.branding.image-unsupported',
          'The file is not the image its header announces',
        );
      const key = `branding/${channelId}/${file}`;
      await beforeStoring(key);
      await this.storage.putFile(key, scratch, { contentType: CONTENT_TYPES[image.type], move: true });
      return key;
    } finally {
      await rm(scratch, { force: true });
    }
  }

  url(channelId: string, key: string): string {
    return this.signer.url(channelId, key.replace(`branding/${channelId}/`, 'branding/')).url;
  }

  async remove(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.storage.delete(key)));
  }
}
