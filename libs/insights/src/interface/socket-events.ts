import { SocketSchema as S, type SocketEventDocs } from '@lib/platform';
import { EXPORT_FAILED, EXPORT_READY, LIVE_COUNTERS } from '../application/realtime-events.js';

const targets = { channelId: S.UUID, videoId: S.UUID, platform: { type: 'boolean', enum: [true] } };
// Exactly one scope: each branch requires its own field, so none or several match no branch or two (ADR 0059).
const dashboardTarget = {
  ...S.objectSchema(targets, Object.keys(targets)),
  oneOf: Object.entries(targets).map(([name, schema]) => S.objectSchema({ [name]: schema })),
};
const room = S.objectSchema({ room: S.TEXT });

/** Insights' half of the AsyncAPI document (`/docs-asyncapi.json`). */
export const INSIGHTS_SOCKET_EVENTS: SocketEventDocs = {
  server: [
    {
      event: LIVE_COUNTERS,
      summary: 'A dashboard’s live counters, every few seconds while its scope is active',
      payload: S.objectSchema({
        scope: { type: 'string', enum: ['video', 'channel', 'platform'] },
        id: S.TEXT,
        viewersNow: S.INTEGER,
        eventsPerMinute: S.INTEGER,
        at: S.TIMESTAMP,
      }),
    },
    {
      event: EXPORT_READY,
      summary: 'An export you asked for is ready to download',
      payload: S.objectSchema({
        id: S.UUID,
        report: S.TEXT,
        format: { type: 'string', enum: ['csv', 'pdf'] },
        bytes: S.INTEGER,
        downloadPath: S.TEXT,
      }),
    },
    { event: EXPORT_FAILED, summary: 'An export you asked for failed', payload: S.objectSchema({ id: S.UUID }) },
  ],
  client: [
    {
      name: 'insights:subscribe',
      summary: 'Receive a dashboard’s live counters: exactly one of `channelId`, `videoId` or `platform: true`',
      payload: dashboardTarget,
      ack: room,
      errors: [
        'validation.failed',
        'insights.channel.not-found',
        'insights.video.not-found',
        'insights.dashboard.forbidden',
      ],
    },
    {
      name: 'insights:unsubscribe',
      summary: 'Stop receiving a dashboard’s live counters',
      payload: dashboardTarget,
      ack: room,
      errors: [
        'validation.failed',
        'insights.channel.not-found',
        'insights.video.not-found',
        'insights.dashboard.forbidden',
      ],
    },
  ],
};
