import { SocketSchema as S, type SocketEventDocs } from '@lib/platform';
import { CHANNEL_INVITATION, VIDEO_PROCESSING } from '../application/realtime-events.js';

/** Studio's half of the AsyncAPI document (`/docs-asyncapi.json`). */
export const STUDIO_SOCKET_EVENTS: SocketEventDocs = {
  server: [
    {
      event: VIDEO_PROCESSING,
      summary: 'A video’s processing moved on: its state, the step and how far it is',
      payload: S.objectSchema({
        videoId: S.UUID,
        channelId: S.UUID,
        state: S.TEXT,
        step: S.nullable(S.TEXT),
        percent: S.nullable(S.INTEGER),
        error: S.nullable({ type: 'object' }),
      }),
    },
    {
      event: CHANNEL_INVITATION,
      summary: 'You were invited to a channel’s team',
      payload: S.objectSchema({ channelId: S.UUID, channelName: S.TEXT, role: S.TEXT, invitedBy: S.UUID }),
    },
  ],
};
