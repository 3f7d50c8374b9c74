// Imported by the apps only; other contexts use '@lib/insights/contracts'.
export { InsightsModule } from './insights.module.js';
export { RebuildRollupsCommand } from './application/commands/rebuild-rollups/rebuild-rollups.command.js';
