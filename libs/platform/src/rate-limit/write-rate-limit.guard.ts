import { Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'socket.io';
import { AppConfig } from '@config';
import type { Principal } from '../auth/principal.js';
import { socketClientIp } from '../realtime/socket-client-ip.js';
import { RateLimiter, type RateHit, type RateLimitState, type RatePolicy } from './rate-limiter.js';
import { WRITE_BUDGET, WriteBudgetScaling, type WriteBudgetLimits, type WriteBudgetOverride } from './write-budget.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const DEFAULT_BUDGET_NAME = 'default';

/** Who spends a write's budget, and the reply that reports it (HTTP only). */
interface Caller {
  ip: string;
  userId?: string;
  reply?: FastifyReply;
}

/** Attaches the tighter of the call's counters to a write's answer, like the IETF RateLimit fields. */
export function rateLimitHeaders(state: RateLimitState, windowSeconds: number): Record<string, string> {
  return {
    'ratelimit-limit': String(state.limit),
    'ratelimit-remaining': String(Math.max(0, state.remaining)),
    'ratelimit-reset': String(state.resetSeconds),
    'ratelimit-policy': `${state.limit};w=${windowSeconds}`,
  };
}

/**
 * Global guard after authentication: every non-GET route and every socket event spends one point of
 * the caller's budget per IP address and, when authenticated, per user (scaled down for low trust).
 * Over budget: 429 `http.rate-limit.exceeded` with `Retry-After` and `RateLimit-*` (ADR 0033).
 * Tuned limits inside use cases (login, registration, messages) apply on top, unchanged.
 */
@Injectable()
export class WriteRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimiter: RateLimiter,
    private readonly config: AppConfig,
    @Optional() private readonly scaling?: WriteBudgetScaling,
  ) {}

  /** The budget that applies to a handler: its own override over the configured defaults. */
  static budgetOf(reflector: Reflector, config: AppConfig, targets: Parameters<Reflector['get']>[1][]) {
    const override = reflector.getAllAndOverride<WriteBudgetOverride | undefined>(WRITE_BUDGET, targets);
    const defaults = config.writeRateLimit;
    return {
      name: override?.name ?? DEFAULT_BUDGET_NAME,
      perUser: override?.perUser ?? defaults.perUser,
      perIp: override?.perIp ?? defaults.perIp,
      windowSeconds: override?.windowSeconds ?? defaults.windowSeconds,
    };
  }

  // Not async: a read spends nothing and is let through at once, with no promise to settle.
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const caller = this.callerOf(context);
    return caller ? this.spend(context, caller) : true;
  }

  private async spend(context: ExecutionContext, caller: Caller): Promise<boolean> {
    const budget = WriteRateLimitGuard.budgetOf(this.reflector, this.config, [
      context.getHandler(),
      context.getClass(),
    ]);
    const hits: RateHit[] = [{ policy: this.policy(budget, 'ip', budget.perIp), key: caller.ip }];
    if (caller.userId) {
      const factor = this.scaling ? await this.scaling.factorFor(caller.userId).catch(() => 1) : 1;
      const perUser = Math.max(1, Math.floor(budget.perUser * Math.min(1, Math.max(0, factor))));
      hits.push({ policy: this.policy(budget, 'user', perUser), key: caller.userId });
    }
    // Both counters in one Redis round trip; the IP's first, so an address over budget spends no user's points.
    const states = await this.rateLimiter.consumeAll(hits);
    if (caller.reply) {
      const tightest = states.reduce((a, b) => (b.remaining < a.remaining ? b : a));
      void caller.reply.headers(rateLimitHeaders(tightest, budget.windowSeconds));
    }
    return true;
  }

  private callerOf(context: ExecutionContext): Caller | undefined {
    if (context.getType() === 'ws') {
      const socket = context.switchToWs().getClient<Socket>();
      const principal = (socket.data as { principal?: Principal } | undefined)?.principal;
      return { ip: socketClientIp(socket, this.config.http.trustProxy), userId: principal?.userId };
    }
    if (context.getType() !== 'http') return undefined;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    if (READ_METHODS.has(request.method)) return undefined;
    return { ip: request.ip, userId: request.principal?.userId, reply: context.switchToHttp().getResponse() };
  }

  private policy(budget: WriteBudgetLimits & { name: string }, scope: 'ip' | 'user', points: number): RatePolicy {
    return {
      name: `write-${scope}:${budget.name}`,
      points,
      windowSeconds: budget.windowSeconds,
      code: 'http.rate-limit.exceeded',
      message:
        scope === 'user'
          ? 'Too many changes from this account in a short time; try again later'
          : 'Too many changes from this address in a short time; try again later',
    };
  }
}
