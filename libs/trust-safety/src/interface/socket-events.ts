import { SocketSchema as S, type SocketEventDocs } from '@lib/platform';
import { QUEUE_ITEM_CHANGED } from '../application/realtime-events.js';
import { ReviewItemResponse } from './http/moderation.dto.js';

const room = S.objectSchema({ room: S.TEXT });

/** Trust & safety's half of the AsyncAPI document (`/docs-asyncapi.json`). */
export const TRUST_SAFETY_SOCKET_EVENTS: SocketEventDocs = {
  server: [
    {
      event: QUEUE_ITEM_CHANGED,
      summary: 'A review item’s current state, whenever a report, claim, release or decision changes it',
      payload: ReviewItemResponse,
    },
  ],
  client: [
    {
      name: 'moderation:subscribe',
      summary: 'Moderators: receive live review queue updates',
      ack: room,
      errors: ['trust-safety.review-queue.moderators-only'],
    },
    { name: 'moderation:unsubscribe', summary: 'Stop receiving review queue updates', ack: room },
  ],
};
