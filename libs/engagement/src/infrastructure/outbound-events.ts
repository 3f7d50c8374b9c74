import { OutboundEventMap } from '@lib/platform';
import { MessageSentV1, UserFollowedV1, UserUnfollowedV1 } from '../contracts/index.js';
import { UserFollowed, UserUnfollowed } from '../domain/follow/follow.events.js';
import { MessageSent } from '../domain/message/message.events.js';

/** Which engagement facts leave the context, and in what shape. */
export const engagementOutboundEvents = new OutboundEventMap()
  .on(
    UserFollowed,
    (event) =>
      new UserFollowedV1({
        followerId: event.followerId,
        followeeId: event.followeeId,
        followedAt: event.occurredAt.toISOString(),
      }),
  )
  .on(
    UserUnfollowed,
    (event) =>
      new UserUnfollowedV1({
        followerId: event.followerId,
        followeeId: event.followeeId,
        unfollowedAt: event.occurredAt.toISOString(),
      }),
  )
  .on(
    MessageSent,
    (event) =>
      new MessageSentV1({
        messageId: event.aggregateId,
        conversationId: event.conversationId,
        seq: event.seq,
        senderId: event.senderId,
        recipientIds: event.recipientIds,
        requestRecipientIds: event.requestRecipientIds,
        mentionedUserIds: event.mentionedUserIds,
        sentAt: event.occurredAt.toISOString(),
      }),
  );
