// Insights' public surface for other contexts.
export { ExportReadyV1 } from './events/export-ready.v1.js';
