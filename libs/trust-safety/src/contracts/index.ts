// The trust & safety context's public contract: the only thing other contexts may import from it.
export {
  CONTENT_TYPES,
  ContentRefusedError,
  ContentScreening,
  SCREENING_ACTIONS,
  SCREENING_SURFACES,
  type ContentRef,
  type ContentType,
  type ScreeningAction,
  type ScreeningRequest,
  type ScreeningSignal,
  type ScreeningSurface,
  type ScreeningVerdict,
} from './content-screening.js';
export { AccountStandings, TRUST_LEVELS, type AccountStanding, type TrustLevel } from './account-standing.js';
export { CONTENT_ACTIONS, ContentActionedV1, type ContentAction } from './events/content-actioned.v1.js';
export { AppealOutcomeV1, ModerationDecidedV1, MODERATION_DECISION_ACTIONS } from './events/moderation-decided.v1.js';
export { AuditLog, type AuditEntry } from './audit-log.js';
export {
  ACCOUNT_SANCTIONS,
  AccountSanctionChangedV1,
  type AccountSanctionKind,
} from './events/account-sanction-changed.v1.js';
