// Imported by the apps only; other contexts use '@lib/identity/contracts'.
export { IdentityModule } from './identity.module.js';
export {
  EnsureAdminCommand,
  type EnsureAdminOutcome,
} from './application/commands/ensure-admin/ensure-admin.command.js';
