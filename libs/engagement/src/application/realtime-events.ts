import { serverEvent } from '@lib/platform';

// What engagement pushes over Socket.IO; payloads are documented in interface/socket-events.ts.
const MEMBERS = 'the devices of the conversation’s members who may see it';
export const CONVERSATION_UPDATED = serverEvent('conversation:updated', MEMBERS);
export const MESSAGE_NEW = serverEvent('message:new', MEMBERS);
export const MESSAGE_UPDATED = serverEvent('message:updated', MEMBERS);
export const MESSAGE_DELETED = serverEvent('message:deleted', MEMBERS);
export const MESSAGE_HIDDEN = serverEvent(
  'message:hidden',
  'the other members, when a message they had is held by moderation',
);
export const TYPING = serverEvent('typing', 'the other members of the conversation');
export const NOTIFICATION_NEW = serverEvent('notification:new', 'the recipient’s devices');
export const NOTIFICATION_READ = serverEvent('notification:read', 'the recipient’s devices (read on another one)');
const VIDEO_WATCHERS = 'sockets watching the video’s comments (`comments:watch`), except people either side blocks';
export const COMMENT_CREATED = serverEvent('comment:created', VIDEO_WATCHERS);
export const COMMENT_UPDATED = serverEvent('comment:updated', VIDEO_WATCHERS);
export const COMMENT_DELETED = serverEvent('comment:deleted', VIDEO_WATCHERS);
export const CONVERSATION_READ = serverEvent(
  'conversation:read',
  'the members (only the reader while it is a request): a read mark moved',
);
export const FEED_ITEM = serverEvent(
  'feed:item',
  'followers whose feed inbox just received the item (not followers of merged-on-read creators)',
);
