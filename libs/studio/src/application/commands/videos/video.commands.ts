import { Command } from '@nestjs/cqrs';
import type { AccessLevel } from '../../../domain/video/video.js';
import type { VideoView } from '../../queries/videos/video.views.js';

export interface VideoInput {
  title?: string;
  description?: string;
  tags?: string[];
  category?: string | null;
  language?: string | null;
  accessLevel?: AccessLevel;
  earlyAccessDays?: number | null;
  episode?: { seriesId: string; season: number; episode: number } | null;
  collectionIds?: string[];
}

export class CreateVideoCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly uploadId: string,
    readonly input: VideoInput & { title: string },
    readonly templateId: string | undefined,
  ) {
    super();
  }
}

export class UpdateVideoCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly input: VideoInput,
    readonly thumbnail: number | undefined,
  ) {
    super();
  }
}

export class SetCaptionCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly language: string,
    readonly content: string,
    readonly label: string | undefined,
  ) {
    super();
  }
}

export class RemoveCaptionCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly language: string,
  ) {
    super();
  }
}

export class RetryVideoCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}

export class DeleteVideoCommand extends Command<{ deleted: true }> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}
