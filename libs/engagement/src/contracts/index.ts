// The engagement context's public contract: the only thing other contexts may import from it.
export { UserFollowedV1 } from './events/user-followed.v1.js';
export { UserUnfollowedV1 } from './events/user-unfollowed.v1.js';
export { MessageSentV1 } from './events/message-sent.v1.js';
export { CommentDeletedV1, CommentPostedV1 } from './events/comment-events.v1.js';
