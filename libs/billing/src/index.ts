// Imported by the apps only; other contexts use '@lib/billing/contracts'.
export { BillingModule } from './billing.module.js';
export { SyncPlansCommand, type PlanSyncResult } from './application/commands/sync-plans/sync-plans.command.js';
