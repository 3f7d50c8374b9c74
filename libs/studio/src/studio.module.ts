import { Module } from '@nestjs/common';

/** Where creators turn files into published episodes: channels, uploads, transcoding, library, catalog. */
@Module({})
export class StudioModule {}
