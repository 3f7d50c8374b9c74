import type { DynamicModule, Provider, Type } from '@nestjs/common';
import type { EntitySchema } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { QueuesModule } from '@lib/platform';
import { MediaBrandingImages } from '../../application/media/branding-images.js';
import { BrandingImageStore, MediaLibrary } from '../../application/media/media-ports.js';
import { MediaDelivery } from '../../application/media/media-delivery.js';
import { MediaLibraryService } from '../../application/media/media-library.service.js';
import { MediaPipeline } from '../../application/media/media-pipeline.js';
import { MEDIA_QUEUES, MediaStepQueue } from '../../application/media/media-queues.js';
import { MediaRepository } from '../../application/media/media-records.js';
import { MediaStorage } from '../../application/media/media-storage.js';
import { MediaTools } from '../../application/media/media-tools.js';
import { MediaUploads } from '../../application/media/media-uploads.js';
import { MediaUrlSigner } from '../../application/media/media-url-signer.js';
import { MediaViews } from '../../application/media/media-views.js';
import { MediaJobs } from '../../interface/media/media-jobs.processor.js';
import { MediaDeliveryController } from '../../interface/media/media-delivery.controller.js';
import { UploadsController } from '../../interface/media/uploads.controller.js';
import { FfmpegMediaTools } from './ffmpeg-media-tools.js';
import { LocalMediaStorage } from './local-media-storage.js';
import { S3MediaStorage } from './s3-media-storage.js';
import { SqlMediaRepository } from './sql-media-repository.js';
import { TusUploadServer } from './tus-upload-server.js';
import { BullMediaStepQueue } from '../queues/bull-media-step-queue.js';

/*
 * Studio's media half, spread into StudioModule by the channel half:
 *   imports: [...MEDIA_IMPORTS], providers: [...MEDIA_PROVIDERS], controllers: [...MEDIA_CONTROLLERS],
 *   PersistenceModule.forFeature([...MEDIA_ENTITIES], { sqlOnlyTables: [...MEDIA_SQL_ONLY_TABLES] }).
 * It needs `ChannelAccess` and (optionally) `MediaProcessingListener` providers from that half, and
 * `BillingApi` (global, from billing) for per-plan upload limits.
 */

/** Media rows are reached through SQL only (conditional, run-guarded pipeline writes). */
export const MEDIA_ENTITIES: EntitySchema[] = [];
export const MEDIA_SQL_ONLY_TABLES = ['studio.media_uploads', 'studio.media_assets'];

// One queue per step; their options are declared by the handlers (interface/media/media-jobs.processor.ts).
export const MEDIA_IMPORTS: DynamicModule[] = [
  QueuesModule.register(
    { name: MEDIA_QUEUES.probe },
    { name: MEDIA_QUEUES.transcode },
    { name: MEDIA_QUEUES.thumbnails },
    { name: MEDIA_QUEUES.finalize },
  ),
];

export const MEDIA_PROVIDERS: Provider[] = [
  { provide: MediaLibrary, useExisting: MediaLibraryService },
  MediaLibraryService,
  { provide: BrandingImageStore, useClass: MediaBrandingImages },
  { provide: MediaRepository, useClass: SqlMediaRepository },
  {
    provide: MediaStorage,
    inject: [AppConfig],
    useFactory: (config: AppConfig) => {
      const storage = config.media.storage;
      return storage.kind === 's3' ? new S3MediaStorage(storage) : new LocalMediaStorage(storage.root);
    },
  },
  {
    provide: MediaTools,
    inject: [AppConfig],
    useFactory: (config: AppConfig) =>
      new FfmpegMediaTools({
        ffmpegPath: config.media.ffmpegPath,
        ffprobePath: config.media.ffprobePath,
        concurrency: config.media.ffmpegConcurrency,
        timeoutMs: config.media.ffmpegTimeoutMs,
      }),
  },
  MediaUrlSigner,
  MediaViews,
  { provide: MediaStepQueue, useClass: BullMediaStepQueue },
  MediaPipeline,
  MediaUploads,
  MediaDelivery,
  TusUploadServer,
  MediaJobs,
];

export const MEDIA_CONTROLLERS: Type<unknown>[] = [UploadsController, MediaDeliveryController];
