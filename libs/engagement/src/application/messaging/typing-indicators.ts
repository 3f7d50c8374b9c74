import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@config';
import { RealtimeEmitter } from '@lib/platform';
import { TYPING } from '../realtime-events.js';

/**
 * "Ana is typing…": relayed to the other members, never stored. A client repeating `start` while
 * typing is relayed at most once per third of the TTL; without a repeat or a `stop`, this node
 * announces the stop itself when the TTL runs out, so a closed laptop never types forever.
 */
@Injectable()
export class TypingIndicators implements OnModuleDestroy {
  private readonly active = new Map<string, { relayedAt: number; expiry: NodeJS.Timeout; audience: string[] }>();

  constructor(
    private readonly realtime: RealtimeEmitter,
    private readonly config: AppConfig,
  ) {}

  /** Returns whether the change was relayed (false: throttled, or a stop with nothing to stop). */
  change(conversationId: string, userId: string, typing: boolean, audience: string[]): boolean {
    const key = `${conversationId}:${userId}`;
    const ttlMs = this.config.messaging.typingTtlMs;
    const current = this.active.get(key);
    if (!typing) {
      if (!current) return false;
      this.end(key, conversationId, userId, current.audience);
      return true;
    }
    const now = Date.now();
    if (current) clearTimeout(current.expiry);
    const expiry = setTimeout(() => this.end(key, conversationId, userId, audience), ttlMs);
    expiry.unref();
    const relay = !current || now - current.relayedAt >= ttlMs / 3;
    this.active.set(key, { relayedAt: relay ? now : current.relayedAt, expiry, audience });
    if (relay) this.realtime.toUsers(audience, TYPING, { conversationId, userId, typing: true, ttlMs });
    return relay;
  }

  /** A message sent ends its author's typing. */
  stopOnSend(conversationId: string, userId: string): void {
    const key = `${conversationId}:${userId}`;
    const current = this.active.get(key);
    if (!current) return;
    clearTimeout(current.expiry);
    this.active.delete(key);
  }

  onModuleDestroy(): void {
    for (const { expiry } of this.active.values()) clearTimeout(expiry);
    this.active.clear();
  }

  private end(key: string, conversationId: string, userId: string, audience: string[]): void {
    const current = this.active.get(key);
    if (current) clearTimeout(current.expiry);
    this.active.delete(key);
    this.realtime.toUsers(audience, TYPING, { conversationId, userId, typing: false });
  }
}
