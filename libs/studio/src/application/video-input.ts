import type { TemplateDefaults } from '../domain/library/library.js';
import type { AccessLevel } from '../domain/video/video.js';

/** What a creator may set on a video, on create, edit and in bulk. */
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

export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** What a template sets on a video: only the defaults it has (empty ones leave the video alone). */
export function changesFromTemplate(defaults: TemplateDefaults): VideoInput {
  return stripUndefined<VideoInput>({
    description: defaults.description ?? undefined,
    tags: defaults.tags.length ? defaults.tags : undefined,
    category: defaults.category ?? undefined,
    language: defaults.language ?? undefined,
    accessLevel: defaults.accessLevel ?? undefined,
    earlyAccessDays: defaults.earlyAccessDays ?? undefined,
  });
}
