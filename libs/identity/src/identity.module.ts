import { Global, Module } from '@nestjs/common';
import {
  ApiKeyAuthenticator,
  MessagingModule,
  PasswordAuthenticator,
  PersistenceModule,
  QueuesModule,
  WriteBudgetScaling,
  SearchModule,
  DocumentSocketEvents,
} from '@lib/platform';
import { AdminBootstrap } from './infrastructure/boot/admin-bootstrap.js';
import { IpBlockBootstrap } from './infrastructure/boot/ip-block-bootstrap.js';
import { BlockIpRangeHandler } from './application/commands/block-ip-range/block-ip-range.handler.js';
import { UnblockIpRangeHandler } from './application/commands/unblock-ip-range/unblock-ip-range.handler.js';
import { ListIpBlocksHandler } from './application/queries/list-ip-blocks/list-ip-blocks.handler.js';
import { IpBlockPublication } from './application/ip-block-publication.js';
import { IpBlockRepository } from './domain/ip-block/ip-block.repository.js';
import { SqlIpBlockRepository } from './infrastructure/persistence/sql-ip-block.repository.js';
import { AdminIpBlocksController } from './interface/http/admin-ip-blocks.controller.js';
import { AccountLinks } from './application/account-links.js';
import { AccountMails } from './application/account-mails.js';
import { RequestEmailVerificationHandler } from './application/commands/request-email-verification/request-email-verification.handler.js';
import { RequestPasswordResetHandler } from './application/commands/request-password-reset/request-password-reset.handler.js';
import { ResetPasswordHandler } from './application/commands/reset-password/reset-password.handler.js';
import { VerifyEmailHandler } from './application/commands/verify-email/verify-email.handler.js';
import { AccountTokenRepository } from './domain/account-token/account-token.repository.js';
import { BullAccountMails, IDENTITY_MAIL_QUEUE } from './infrastructure/jobs/bull-account-mails.js';
import { SqlAccountTokenRepository } from './infrastructure/persistence/sql-account-token.repository.js';
import { IdentityJobs, IDENTITY_MAINTENANCE_QUEUE } from './interface/jobs/identity-jobs.js';
import { SessionRetention } from './application/retention/session-retention.js';
import { ChangeUserRolesHandler } from './application/commands/change-user-roles/change-user-roles.handler.js';
import { CreateApiKeyHandler } from './application/commands/create-api-key/create-api-key.handler.js';
import { EnsureAdminHandler } from './application/commands/ensure-admin/ensure-admin.handler.js';
import { LogInHandler } from './application/commands/log-in/log-in.handler.js';
import { LogOutHandler } from './application/commands/log-out/log-out.handler.js';
import { RefreshSessionHandler } from './application/commands/refresh-session/refresh-session.handler.js';
import { RegisterUserHandler } from './application/commands/register-user/register-user.handler.js';
import { RevokeApiKeyHandler } from './application/commands/revoke-api-key/revoke-api-key.handler.js';
import { UpdateProfileHandler } from './application/commands/update-profile/update-profile.handler.js';
import { ProfileTexts } from './application/profile-texts.js';
import { GetUserHandler } from './application/queries/get-user/get-user.handler.js';
import { GetPublicProfileHandler } from './application/queries/get-public-profile/get-public-profile.handler.js';
import { ListApiKeysHandler } from './application/queries/list-api-keys/list-api-keys.handler.js';
import { ListUsersHandler } from './application/queries/list-users/list-users.handler.js';
import { SearchPeopleHandler } from './application/queries/search-people/search-people.handler.js';
import { ProjectPersonOnUserChange } from './application/reactions/project-person-on-user-change.js';
import { PushProfileOnProfileChange } from './application/reactions/push-profile-on-profile-change.js';
import { SessionTokens } from './application/session-tokens.js';
import { EmailVerifiedV1, UserProfileChangedV1, UserRegisteredV1, UserRolesChangedV1 } from './contracts/index.js';
import { ApiKeyRepository } from './domain/api-key/api-key.repository.js';
import { PasswordHasher } from './domain/password-hasher.js';
import { SessionRepository } from './domain/session/session.repository.js';
import { UserRepository } from './domain/user/user.repository.js';
import { identityOutboundEvents } from './infrastructure/outbound-events.js';
import { IDENTITY_ENTITIES } from './infrastructure/persistence/identity.schemas.js';
import { MikroOrmApiKeyRepository } from './infrastructure/persistence/mikro-orm-api-key.repository.js';
import { MikroOrmSessionRepository } from './infrastructure/persistence/mikro-orm-session.repository.js';
import { MikroOrmUserRepository } from './infrastructure/persistence/mikro-orm-user.repository.js';
import { SqlAccountDirectory } from './infrastructure/persistence/sql-account-directory.js';
import { AccountDirectory } from './contracts/index.js';
import { PeopleIndexSource } from './infrastructure/search/people-index.source.js';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher.js';
import { TrustScaledWriteBudgets } from './infrastructure/security/trust-scaled-write-budgets.js';
import {
  IdentityApiKeyAuthenticator,
  IdentityPasswordAuthenticator,
} from './infrastructure/security/credential-authenticators.js';
import { AdminUsersController } from './interface/http/admin-users.controller.js';
import { AuthController } from './interface/http/auth.controller.js';
import { MeController } from './interface/http/me.controller.js';
import { PeopleSearchController } from './interface/http/people-search.controller.js';
import { IDENTITY_SOCKET_EVENTS } from './interface/socket-events.js';
import { UsersController } from './interface/http/users.controller.js';

/**
 * Accounts, sessions, roles and API keys. One module for every process: controllers only serve in the
 * API, consumers only run in the worker. Global because it answers the platform's credential ports
 * and its write budget scaling.
 */
@Global()
@DocumentSocketEvents(IDENTITY_SOCKET_EVENTS)
@Module({
  imports: [
    PersistenceModule.forFeature(IDENTITY_ENTITIES, {
      sqlOnlyTables: ['identity.refresh_tokens', 'identity.account_tokens', 'identity.ip_blocks'],
    }),
    MessagingModule.forContext({
      publishes: [UserRegisteredV1, UserProfileChangedV1, UserRolesChangedV1, EmailVerifiedV1],
      outbound: identityOutboundEvents,
      consumers: [ProjectPersonOnUserChange, PushProfileOnProfileChange],
    }),
    SearchModule.forIndex(PeopleIndexSource),
    QueuesModule.register({ name: IDENTITY_MAIL_QUEUE }, { name: IDENTITY_MAINTENANCE_QUEUE }),
  ],
  controllers: [
    AuthController,
    MeController,
    PeopleSearchController,
    UsersController,
    AdminUsersController,
    AdminIpBlocksController,
  ],
  providers: [
    { provide: UserRepository, useClass: MikroOrmUserRepository },
    { provide: SessionRepository, useClass: MikroOrmSessionRepository },
    { provide: ApiKeyRepository, useClass: MikroOrmApiKeyRepository },
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
    { provide: AccountTokenRepository, useClass: SqlAccountTokenRepository },
    { provide: IpBlockRepository, useClass: SqlIpBlockRepository },
    IpBlockPublication,
    IpBlockBootstrap,
    BlockIpRangeHandler,
    UnblockIpRangeHandler,
    ListIpBlocksHandler,
    { provide: AccountMails, useClass: BullAccountMails },
    AccountLinks,
    IdentityJobs,
    SessionRetention,
    RequestEmailVerificationHandler,
    VerifyEmailHandler,
    RequestPasswordResetHandler,
    ResetPasswordHandler,
    { provide: ApiKeyAuthenticator, useClass: IdentityApiKeyAuthenticator },
    { provide: PasswordAuthenticator, useClass: IdentityPasswordAuthenticator },
    { provide: AccountDirectory, useClass: SqlAccountDirectory },
    { provide: WriteBudgetScaling, useClass: TrustScaledWriteBudgets },
    SessionTokens,
    AdminBootstrap,
    RegisterUserHandler,
    LogInHandler,
    RefreshSessionHandler,
    LogOutHandler,
    UpdateProfileHandler,
    ProfileTexts,
    CreateApiKeyHandler,
    RevokeApiKeyHandler,
    EnsureAdminHandler,
    ChangeUserRolesHandler,
    GetUserHandler,
    GetPublicProfileHandler,
    ListApiKeysHandler,
    SearchPeopleHandler,
    ListUsersHandler,
    ProjectPersonOnUserChange,
    PushProfileOnProfileChange,
  ],
  exports: [ApiKeyAuthenticator, PasswordAuthenticator, AccountDirectory, WriteBudgetScaling],
})
export class IdentityModule {}
