import type { StoredEvent } from '../event-store.js';

/** A raw log row for a fact another context published (source `domain`, id = the integration event's id). */
export function domainEventRow(input: {
  eventId: string;
  name: string;
  occurredAt: Date;
  userId: string | null;
  channelId?: string | null;
  amountCents?: number | null;
  properties?: Record<string, unknown>;
  videoId?: string | null;
  creatorId?: string | null;
  watchSeconds?: number | null;
}): StoredEvent {
  return {
    eventId: input.eventId,
    occurredAt: input.occurredAt,
    receivedAt: new Date(),
    name: input.name,
    source: 'domain',
    sessionId: null,
    userId: input.userId,
    viewerKey: input.userId,
    videoId: input.videoId ?? null,
    channelId: input.channelId ?? null,
    creatorId: input.creatorId ?? input.channelId ?? null,
    properties: input.properties ?? {},
    device: null,
    os: null,
    country: null,
    referrer: null,
    trafficSource: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    positionPct: null,
    watchSeconds: input.watchSeconds ?? null,
    amountCents: input.amountCents ?? null,
  };
}
