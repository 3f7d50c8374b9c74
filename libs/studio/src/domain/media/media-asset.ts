/** The pipeline's steps in order; each runs as its own job. */
export const MEDIA_STEPS = ['probe', 'transcode', 'thumbnails', 'finalize'] as const;
export type PipelineStep = (typeof MEDIA_STEPS)[number];

// Share of the whole pipeline each step stands for, so one percentage covers all of them.
const WEIGHTS: Record<PipelineStep, [start: number, end: number]> = {
  probe: [0, 5],
  transcode: [5, 85],
  thumbnails: [85, 97],
  finalize: [97, 100],
};

/** Overall percent (0–100) when `step` is `fraction` (0–1) done. */
export function overallPercent(step: PipelineStep, fraction: number): number {
  const [start, end] = WEIGHTS[step];
  return Math.floor(start + (end - start) * Math.min(1, Math.max(0, fraction)));
}

export function nextStep(step: PipelineStep): PipelineStep | null {
  return MEDIA_STEPS[MEDIA_STEPS.indexOf(step) + 1] ?? null;
}

export function isStep(value: unknown): value is PipelineStep {
  return typeof value === 'string' && (MEDIA_STEPS as readonly string[]).includes(value);
}
