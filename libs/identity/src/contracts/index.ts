// The identity context's public contract: the only thing other contexts may import from it.
export { UserRegisteredV1 } from './events/user-registered.v1.js';
export { UserProfileChangedV1 } from './events/user-profile-changed.v1.js';
export { UserRolesChangedV1 } from './events/user-roles-changed.v1.js';
export { AccountDirectory, type AccountFacts } from './account-directory.js';
export { EmailVerifiedV1 } from './events/email-verified.v1.js';
