import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { GATEWAY_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants.js';
import { MAX_PACKET_BYTES } from './platform-socket-events.js';
import { SOCKET_EVENT_DOCS, type SocketEventDocs, type SocketPayload } from './socket-events.js';

/** How a client connects, stays authenticated and catches up: the part no event schema says. */
const CONNECTION_LIFECYCLE = [
  'Socket.IO (v4) on the API’s own port and path (`/socket.io`), namespace `/`.',
  '**Handshake**: pass an access token as `auth: { token }` (or `Authorization: Bearer`). API keys are refused',
  '(`auth.api-key.socket-refused`); a missing or bad token fails the connection with `connect_error` carrying the code.',
  '**Rooms**: every socket joins its user’s room (all their devices) and its session’s room; pages join more',
  '(`comments:watch`, `insights:subscribe`, `moderation:subscribe`).',
  '**Token expiry**: when the access token expires the server sends `auth:expired` and closes the socket. Give',
  'socket.io-client an `auth` callback — `auth: (cb) => cb({ token: currentAccessToken() })` — refresh the token',
  'with `POST /v1/auth/refresh`, then `socket.connect()`: the callback runs on every (re)connection.',
  '**Revocation**: logout or a replayed refresh token sends `auth:revoked` and closes every socket of the session; log in again.',
  '**Node shutdown**: a node that is stopping sends `server:shutdown` and drops the connection; socket.io-client reconnects by itself (to another node).',
  '**Catching up**: pushes are not replayed. After a reconnect, fetch what you missed over REST — messages',
  'with `GET /v1/conversations/{id}/messages?after=<last seq you saw>`, notifications with `GET /v1/notifications`.',
  '**Acknowledgements**: client events take an acknowledgement callback; it receives the result, or',
  '`{ error: { status, code, detail, … } }` (problem document). An unknown event name answers `socket.unknown-event`;',
  'a hostile payload `validation.failed` / `validation.too-deep`; over the write budget `http.rate-limit.exceeded`.',
  `**Packet size**: a client packet larger than ${MAX_PACKET_BYTES} bytes (\`x-max-packet-bytes\` on the server) is not`,
  'read: the server closes the connection with WebSocket close code 1009 (Message Too Big), that packet gets no',
  'acknowledgement, and socket.io-client reports `disconnect` with reason `transport close` (`details.context.code`',
  '1009) and reconnects if reconnection is on. Send large content over HTTP.',
].join(' ');

/** Every module's socket event documentation, merged. */
export function socketEventDocs(app: INestApplication): Required<SocketEventDocs> {
  const merged: Required<SocketEventDocs> = { server: [], client: [] };
  for (const module of app.get(ModulesContainer).values()) {
    const docs = module.metatype
      ? (Reflect.getMetadata(SOCKET_EVENT_DOCS, module.metatype) as SocketEventDocs | undefined)
      : undefined;
    merged.server.push(...(docs?.server ?? []));
    merged.client.push(...(docs?.client ?? []));
  }
  return merged;
}

/** Every client event a gateway handles (`@SubscribeMessage`), with the gateway that handles it. */
export function handledSocketEvents(app: INestApplication): { name: string; gateway: string }[] {
  const handled = new Map<string, string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const gateway = wrapper.metatype as Type | null;
      if (!gateway?.prototype || !Reflect.getMetadata(GATEWAY_METADATA, gateway)) continue;
      const prototype = gateway.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (typeof handler !== 'function') continue;
        const name = Reflect.getMetadata(MESSAGE_METADATA, handler) as string | undefined;
        if (name) handled.set(name, gateway.name);
      }
    }
  }
  return [...handled].map(([name, gateway]) => ({ name, gateway }));
}

const isClass = (payload: SocketPayload): payload is Type => typeof payload === 'function';

/** The DTO classes the socket payloads use: added to the OpenAPI document's schemas, which AsyncAPI shares. */
export function socketPayloadModels(docs: SocketEventDocs): Type[] {
  const payloads = [
    ...(docs.server ?? []).map((entry) => entry.payload),
    ...(docs.client ?? []).flatMap((entry) => [entry.payload, entry.ack]),
  ];
  return [...new Set(payloads.filter((payload): payload is Type => payload !== undefined && isClass(payload)))];
}

const schemaOf = (payload: SocketPayload) =>
  isClass(payload) ? { $ref: `#/components/schemas/${payload.name}` } : payload;

/**
 * The AsyncAPI 3 document of the Socket.IO API, from the server's side: it *sends* pushes and
 * *receives* client events (replying with their acknowledgement). Schemas are the OpenAPI document's.
 */
export function buildAsyncApiDocument(docs: Required<SocketEventDocs>, openapi: OpenAPIObject) {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const channelFor = (name: string, messageIds: string[]) => {
    channels[name] = {
      address: name,
      messages: Object.fromEntries(messageIds.map((id) => [id, { $ref: `#/components/messages/${id}` }])),
    };
    return { $ref: `#/channels/${name.replace(/\//g, '~1')}` };
  };
  for (const { event, summary, payload } of docs.server) {
    messages[event.name] = { name: event.name, summary, payload: schemaOf(payload) };
    const channel = channelFor(event.name, [event.name]);
    operations[`push ${event.name}`] = {
      action: 'send',
      channel,
      messages: [{ $ref: `${channel.$ref}/messages/${event.name}` }],
      summary,
      description: `Sent to: ${event.audience}.`,
      'x-audience': event.audience,
    };
  }
  for (const entry of docs.client) {
    const ackId = `${entry.name} acknowledgement`;
    messages[entry.name] = {
      name: entry.name,
      summary: entry.summary,
      payload: entry.payload ? schemaOf(entry.payload) : { type: 'null' },
    };
    messages[ackId] = {
      name: ackId,
      summary: `The acknowledgement of ${entry.name}: the result, or { error: problem }`,
      payload: {
        oneOf: [
          entry.ack ? schemaOf(entry.ack) : { type: 'object' },
          {
            type: 'object',
            required: ['error'],
            properties: { error: { $ref: '#/components/schemas/ProblemDocument' } },
          },
        ],
      },
    };
    const channel = channelFor(entry.name, [entry.name, ackId]);
    operations[`handle ${entry.name}`] = {
      action: 'receive',
      channel,
      summary: entry.summary,
      messages: [{ $ref: `${channel.$ref}/messages/${entry.name}` }],
      reply: { channel, messages: [{ $ref: `${channel.$ref}/messages/${ackId}` }] },
      'x-error-codes': [
        ...(entry.errors ?? []),
        'validation.failed',
        'validation.too-deep',
        'http.rate-limit.exceeded',
      ],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: { title: 'Showrunner real-time API', version: '1', description: CONNECTION_LIFECYCLE },
    defaultContentType: 'application/json',
    servers: {
      api: {
        host: 'localhost:3000',
        protocol: 'ws',
        pathname: '/socket.io',
        description: 'The API’s port',
        'x-max-packet-bytes': MAX_PACKET_BYTES,
      },
    },
    channels,
    operations,
    components: { messages, schemas: openapi.components?.schemas ?? {} },
  };
}
