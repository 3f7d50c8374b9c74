// Imported by the apps only; other contexts use '@lib/insights/contracts'.
export { InsightsModule } from './insights.module.js';
