/** The limits a client batch is checked against (from configuration). */
export interface IngestionPolicy {
  maxBatch: number;
  /** Events stamped later than now + this are clock-skewed or forged. */
  maxFutureSkewMs: number;
  /** Older events are refused (they would land in sealed rollups and expired partitions). */
  maxAgeMs: number;
}

export type RejectionCode =
  | 'insights.event.not-an-object'
  | 'insights.event.invalid-id'
  | 'insights.event.invalid-name'
  | 'insights.event.reserved-name'
  | 'insights.event.invalid-timestamp'
  | 'insights.event.too-far-in-future'
  | 'insights.event.too-old'
  | 'insights.event.invalid-session'
  | 'insights.event.invalid-video-id'
  | 'insights.event.invalid-properties'
  | 'insights.event.unknown-field'
  | 'insights.event.invalid-recommendation'
  | 'insights.event.unknown-experiment'
  | 'insights.event.arm-mismatch'
  // Ad events whose decision token ads did not count (docs/adr/0054).
  | 'ads.token.invalid'
  | 'ads.token.expired'
  | 'ads.token.replayed'
  | 'ads.click.without-impression';

export interface Rejection {
  index: number;
  code: RejectionCode;
  message: string;
}

/** A client event that passed validation, before context is attached. */
export interface ValidClientEvent {
  index: number;
  eventId: string;
  name: string;
  occurredAt: Date;
  sessionId: string;
  videoId: string | null;
  properties: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** Any UUID-shaped id (channel and video ids named by clients). */
export const ANY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME = /^[a-z][a-z0-9_.-]{0,63}$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const SESSION = /^[A-Za-z0-9._:-]{1,128}$/;
const FIELDS = new Set(['eventId', 'name', 'timestamp', 'sessionId', 'videoId', 'properties']);
const MAX_PROPERTIES_BYTES = 4_096;

/** Names only other contexts' events produce: a client sending them could forge signups or revenue. */
export const DOMAIN_EVENT_NAMES = new Set([
  'signup',
  'follow',
  'unfollow',
  'subscription_activated',
  'subscription_canceled',
  'payment',
  'refund',
  'video_published',
]);

/** Checks one event of a batch; a failure names the index and a stable code, the rest of the batch goes on. */
export function validateClientEvent(
  raw: unknown,
  index: number,
  now: Date,
  policy: IngestionPolicy,
): ValidClientEvent | Rejection {
  const reject = (code: RejectionCode, message: string): Rejection => ({ index, code, message });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return reject('insights.event.not-an-object', 'An event must be an object');
  const event = raw as Record<string, unknown>;
  const unknown = Object.keys(event).find((key) => !FIELDS.has(key));
  if (unknown) return reject('insights.event.unknown-field', `Unknown field '${unknown}'`);
  if (typeof event.eventId !== 'string' || !UUID.test(event.eventId))
    return reject('insights.event.invalid-id', 'eventId must be a UUID');
  if (typeof event.name !== 'string' || !NAME.test(event.name)) {
    return reject(
      'insights.event.invalid-name',
      'name must be 1-64 lowercase letters, digits, _ . or -, starting with a letter',
    );
  }
  if (DOMAIN_EVENT_NAMES.has(event.name))
    return reject('insights.event.reserved-name', `'${event.name}' is recorded by the platform itself`);
  if (
    typeof event.timestamp !== 'string' ||
    !ISO_8601.test(event.timestamp) ||
    Number.isNaN(Date.parse(event.timestamp))
  ) {
    return reject('insights.event.invalid-timestamp', 'timestamp must be an ISO 8601 date-time with a time zone');
  }
  const occurredAt = new Date(event.timestamp);
  if (occurredAt.getTime() > now.getTime() + policy.maxFutureSkewMs) {
    return reject(
      'insights.event.too-far-in-future',
      `timestamp is more than ${policy.maxFutureSkewMs / 1000} s ahead of the server clock`,
    );
  }
  if (occurredAt.getTime() < now.getTime() - policy.maxAgeMs) {
    return reject('insights.event.too-old', `timestamp is older than ${Math.round(policy.maxAgeMs / 3_600_000)} hours`);
  }
  if (typeof event.sessionId !== 'string' || !SESSION.test(event.sessionId)) {
    return reject('insights.event.invalid-session', 'sessionId must be 1-128 letters, digits, . _ : or -');
  }
  if (
    event.videoId !== undefined &&
    event.videoId !== null &&
    (typeof event.videoId !== 'string' || !UUID.test(event.videoId))
  ) {
    return reject('insights.event.invalid-video-id', 'videoId must be a UUID');
  }
  const properties = event.properties ?? {};
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    return reject('insights.event.invalid-properties', 'properties must be an object');
  }
  if (JSON.stringify(properties).length > MAX_PROPERTIES_BYTES) {
    return reject(
      'insights.event.invalid-properties',
      `properties must serialise to at most ${MAX_PROPERTIES_BYTES} bytes`,
    );
  }
  return {
    index,
    eventId: event.eventId.toLowerCase(),
    name: event.name,
    occurredAt,
    sessionId: event.sessionId,
    videoId: typeof event.videoId === 'string' ? event.videoId.toLowerCase() : null,
    properties: properties as Record<string, unknown>,
  };
}

export function isRejection(value: ValidClientEvent | Rejection): value is Rejection {
  return 'code' in value;
}
