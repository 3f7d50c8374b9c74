// Insights' public surface for other contexts.
export { ExportReadyV1 } from './events/export-ready.v1.js';
export { VideoViewCount, VideoViewsCountedV1 } from './events/video-views-counted.v1.js';
export { Experiments } from './experiments.js';
export type { ExperimentAssignment, ExperimentSubject } from './experiments.js';
