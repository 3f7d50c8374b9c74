import { serverEvent } from '@lib/platform';

// What trust & safety pushes over Socket.IO; payloads are documented in interface/socket-events.ts.
export const QUEUE_ITEM_CHANGED = serverEvent(
  'moderation:item',
  'moderators subscribed to the queue (`moderation:subscribe`)',
);
