import { SetMetadata, type Type } from '@nestjs/common';

/**
 * An event the server pushes to clients. Declared once, beside the code that decides to push it;
 * `RealtimeEmitter` takes only these, so every push has a name the AsyncAPI document can check.
 */
export interface ServerEvent {
  readonly name: string;
  /** Who receives it: "the user's devices", "sockets watching the video", … */
  readonly audience: string;
}

const declaredServerEvents = new Map<string, ServerEvent>();

/** Declares a pushed event (one declaration per name). */
export function serverEvent(name: string, audience: string): ServerEvent {
  const existing = declaredServerEvents.get(name);
  if (existing) {
    if (existing.audience !== audience) throw new Error(`the socket event '${name}' is declared twice`);
    return existing;
  }
  const event = Object.freeze({ name, audience });
  declaredServerEvents.set(name, event);
  return event;
}

/** Every pushed event declared by the modules loaded so far. */
export function declaredSocketEvents(): ServerEvent[] {
  return [...declaredServerEvents.values()];
}

/** A payload's shape: a DTO class with `@ApiProperty` fields, or an inline JSON schema. */
export type SocketPayload = Type | Record<string, unknown>;

export interface DocumentedServerEvent {
  event: ServerEvent;
  summary: string;
  payload: SocketPayload;
}

export interface DocumentedClientEvent {
  /** The name a gateway's `@SubscribeMessage` handles. */
  name: string;
  summary: string;
  payload?: SocketPayload;
  /** What the acknowledgement carries on success (errors are always `{ error: problem }`). */
  ack?: SocketPayload;
  /** The stable codes its error acknowledgement can carry, besides validation and rate limits. */
  errors?: string[];
}

export interface SocketEventDocs {
  server?: DocumentedServerEvent[];
  client?: DocumentedClientEvent[];
}

export const SOCKET_EVENT_DOCS = 'showrunner:socket-event-docs';

/**
 * On a context's module: the socket events it pushes and handles, for the AsyncAPI document
 * (`/docs-asyncapi.json`). A test fails when a declared push or a gateway handler is left out.
 */
export const DocumentSocketEvents = (docs: SocketEventDocs) => SetMetadata(SOCKET_EVENT_DOCS, docs);
