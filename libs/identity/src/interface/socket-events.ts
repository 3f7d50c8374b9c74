import { SocketSchema as S, type SocketEventDocs } from '@lib/platform';
import { PROFILE_UPDATED } from '../application/realtime-events.js';

/** Identity's half of the AsyncAPI document (`/docs-asyncapi.json`). */
export const IDENTITY_SOCKET_EVENTS: SocketEventDocs = {
  server: [
    {
      event: PROFILE_UPDATED,
      summary: 'Your profile changed (on another device too); ignore one older than `version`',
      payload: S.objectSchema({
        userId: S.UUID,
        handle: S.TEXT,
        displayName: S.TEXT,
        bio: S.nullable(S.TEXT),
        avatarUrl: S.nullable(S.TEXT),
        changedFields: { type: 'array', items: S.TEXT },
        version: S.INTEGER,
        eventId: S.UUID,
      }),
    },
  ],
};
