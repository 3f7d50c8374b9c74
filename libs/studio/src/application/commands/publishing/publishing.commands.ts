import { Command } from '@nestjs/cqrs';
import type { BatchItemReport } from '../../../domain/library/library.js';
import type { VideoView } from '../../queries/videos/video.views.js';

export class PublishVideoCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly at: string | undefined,
    readonly timeZone: string | undefined,
  ) {
    super();
  }
}

export class UnpublishVideoCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}

/** Publishes (or schedules) or unpublishes several videos; each succeeds or fails on its own. */
export class BulkPublishCommand extends Command<{ items: BatchItemReport[] }> {
  constructor(
    readonly userId: string,
    readonly videoIds: string[],
    readonly publish: boolean,
    readonly at: string | undefined,
    readonly timeZone: string | undefined,
  ) {
    super();
  }
}
