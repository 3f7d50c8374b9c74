/**
 * draft → processing → ready → scheduled → published ↔ unpublished, plus failed.
 *
 *   draft ──start──▶ processing ──ready──▶ ready ──schedule──▶ scheduled ──due──▶ published
 *                     │  ▲                 │  ▲                   │                 │  ▲
 *                fail │  │ retry           │  └────cancel─────────┘       unpublish │  │ publish
 *                     ▼  │                 └──────────publish now────────▶          ▼  │
 *                    failed                                                   unpublished
 */
export type VideoState = 'draft' | 'processing' | 'ready' | 'scheduled' | 'published' | 'unpublished' | 'failed';

export const VIDEO_STATES: readonly VideoState[] = [
  'draft',
  'processing',
  'ready',
  'scheduled',
  'published',
  'unpublished',
  'failed',
];

export type VideoAction =
  | 'start-processing'
  | 'finish-processing'
  | 'fail'
  | 'retry'
  | 'schedule'
  | 'cancel-schedule'
  | 'publish'
  | 'unpublish';

/** Which action leads from which states to which state. */
export const TRANSITIONS: Record<VideoAction, { from: readonly VideoState[]; to: VideoState }> = {
  'start-processing': { from: ['draft'], to: 'processing' },
  'finish-processing': { from: ['draft', 'processing'], to: 'ready' },
  fail: { from: ['draft', 'processing'], to: 'failed' },
  retry: { from: ['failed'], to: 'processing' },
  schedule: { from: ['ready', 'scheduled', 'unpublished'], to: 'scheduled' },
  'cancel-schedule': { from: ['scheduled'], to: 'ready' },
  publish: { from: ['ready', 'scheduled', 'unpublished'], to: 'published' },
  unpublish: { from: ['published'], to: 'unpublished' },
};

/** States whose media is not playable yet: publishing them is "not ready", not merely illegal. */
export const NOT_READY: readonly VideoState[] = ['draft', 'processing', 'failed'];
