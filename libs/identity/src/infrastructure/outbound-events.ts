import { OutboundEventMap } from '@lib/platform';
import { EmailVerifiedV1, UserProfileChangedV1, UserRegisteredV1, UserRolesChangedV1 } from '../contracts/index.js';
import { User } from '../domain/user/user.js';
import { UserEmailVerified, UserProfileChanged, UserRegistered, UserRolesChanged } from '../domain/user/user.events.js';

/** Which identity facts leave the context, and in what shape. */
export const identityOutboundEvents = new OutboundEventMap()
  .on(
    UserRegistered,
    (event) =>
      new UserRegisteredV1({
        userId: event.aggregateId,
        email: event.email,
        handle: event.handle,
        displayName: event.displayName,
        roles: [...event.roles],
        registeredAt: event.occurredAt.toISOString(),
      }),
  )
  .on(UserProfileChanged, (event, aggregate) => {
    const user = aggregate as User;
    return new UserProfileChangedV1({
      userId: user.id,
      handle: user.handle,
      displayName: user.displayName,
      bio: user.bio,
      avatarUrl: user.avatarUrl,
      changedFields: [...event.changedFields],
      changedAt: event.occurredAt.toISOString(),
    });
  })
  .on(
    UserRolesChanged,
    (event) =>
      new UserRolesChangedV1({
        userId: event.aggregateId,
        roles: [...event.roles],
        changedAt: event.occurredAt.toISOString(),
      }),
  )
  .on(
    UserEmailVerified,
    (event) =>
      new EmailVerifiedV1({
        userId: event.aggregateId,
        email: event.email,
        verifiedAt: event.occurredAt.toISOString(),
      }),
  );
