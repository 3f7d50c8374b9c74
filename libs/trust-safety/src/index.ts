// The trust & safety context's entry for the apps; other contexts import only '@lib/trust-safety/contracts'.
export { TrustSafetyModule } from './trust-safety.module.js';
export { VerifyAuditChain } from './application/audit/verify-audit-chain.js';
