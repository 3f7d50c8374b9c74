import { Injectable } from '@nestjs/common';
import type { Video } from '../../../domain/video/video.js';
import { MediaLibrary, type RenditionView } from '../../media/media-ports.js';

export interface VideoView {
  id: string;
  channelId: string;
  title: string;
  description: string;
  tags: string[];
  category: string | null;
  language: string | null;
  accessLevel: string;
  earlyAccessDays: number | null;
  episode: { seriesId: string; season: number; episode: number } | null;
  collectionIds: string[];
  captions: { language: string; label: string; sourceFormat: string; cues: number }[];
  state: string;
  progress: { step: string | null; percent: number };
  error: { code: string; message: string; step: string } | null;
  durationSeconds: number | null;
  renditions: RenditionView[];
  thumbnails: { index: number; url: string }[];
  chosenThumbnail: number | null;
  previewUrl: string | null;
  scheduledAt: string | null;
  scheduleTimeZone: string | null;
  publishedAt: string | null;
  availableToAllAt: string | null;
  createdAt: string;
  updatedAt: string;
}

@Injectable()
export class VideoViews {
  constructor(private readonly media: MediaLibrary) {}

  /** With `withMedia`, renditions and thumbnails come from the media side. */
  async of(video: Video, withMedia = true): Promise<VideoView> {
    const asset = withMedia && video.assetId ? await this.media.describe(video.assetId) : null;
    const processing = video.state === 'processing' || video.state === 'draft';
    return {
      ...summary(video),
      // While processing, the media side's live numbers are fresher than ours.
      progress:
        processing && asset
          ? { step: asset.step, percent: Math.max(asset.percent, video.processingPercent) }
          : { step: video.processingStep, percent: video.processingPercent },
      durationSeconds: video.durationSeconds ?? asset?.durationSeconds ?? null,
      renditions: asset?.renditions ?? [],
      thumbnails: asset?.thumbnails ?? [],
      chosenThumbnail: asset?.chosenThumbnail ?? null,
      previewUrl: asset?.previewUrl ?? null,
    };
  }
}

export function summary(video: Video): Omit<VideoView, 'renditions' | 'thumbnails' | 'chosenThumbnail' | 'previewUrl'> {
  return {
    id: video.id,
    channelId: video.channelId,
    title: video.title,
    description: video.description,
    tags: video.tags,
    category: video.category,
    language: video.language,
    accessLevel: video.accessLevel,
    earlyAccessDays: video.earlyAccessDays,
    episode: video.seriesId ? { seriesId: video.seriesId, season: video.season!, episode: video.episode! } : null,
    collectionIds: video.collectionIds,
    captions: video.captions.map(({ language, label, sourceFormat, cues }) => ({
      language,
      label,
      sourceFormat,
      cues,
    })),
    state: video.state,
    progress: { step: video.processingStep, percent: video.processingPercent },
    error: video.failure,
    durationSeconds: video.durationSeconds,
    scheduledAt: video.scheduledAt?.toISOString() ?? null,
    scheduleTimeZone: video.scheduleTimeZone,
    publishedAt: video.publishedAt?.toISOString() ?? null,
    availableToAllAt: video.availableToAllAt()?.toISOString() ?? null,
    createdAt: video.createdAt.toISOString(),
    updatedAt: video.updatedAt.toISOString(),
  };
}
