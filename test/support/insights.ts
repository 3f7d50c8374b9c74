import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { RebuildRollupsCommand } from '@lib/insights';
import type { AppConfig } from '@config';
import { startTestApp, type HttpAnswer, type TestApp } from '@lib/platform/testing';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module.js';
import { startBillingOnFakeStripe, type BillingOnFakeStripe } from './billing.js';

/**
 * The whole platform (API + worker), as startShowrunner, with an optional other Redis (`redisUrl`):
 * the Redis outage test restarts its own server, not the one every test file shares.
 */
export function startInsights(env: Record<string, string> = {}, options: { redisUrl?: string } = {}): Promise<TestApp> {
  return startTestApp(
    (config: AppConfig) => {
      if (options.redisUrl)
        (config as { redis: AppConfig['redis'] }).redis = { ...config.redis, url: options.redisUrl };
      return StandaloneModule.forRoot(config);
    },
    { env },
  );
}

/** A PostgreSQL array literal: arrays passed as `?` parameters would be expanded into lists. */
export function pgArray(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** A desktop browser's User-Agent (requests without one are treated as bots). */
export const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
export const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

export interface ClientEvent {
  eventId: string;
  name: string;
  timestamp: string;
  sessionId: string;
  videoId?: string;
  properties?: Record<string, unknown>;
}

export function clientEvent(name: string, at: Date, overrides: Partial<ClientEvent> = {}): ClientEvent {
  return { eventId: randomUUID(), name, timestamp: at.toISOString(), sessionId: 'session-1', ...overrides };
}

export function track(
  app: TestApp,
  events: unknown[],
  options: { token?: string; userAgent?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  return app.request('POST', '/v1/events', {
    body: { events },
    token: options.token,
    headers: { 'user-agent': options.userAgent ?? BROWSER_UA, ...options.headers },
  });
}

/** Rebuilds the rollups of a range, as `npm run cli -- insights:rebuild` does. */
export async function rebuildRollups(app: TestApp, from: Date, to: Date): Promise<void> {
  await RequestContext.create(app.app.get(MikroORM).em, () =>
    app.app.get(CommandBus).execute(new RebuildRollupsCommand(from, to)),
  );
}

/** The start of the UTC hour `hoursAgo` hours before now. */
export function hourAgo(hoursAgo: number): Date {
  const hour = 3_600_000;
  return new Date(Math.floor(Date.now() / hour) * hour - hoursAgo * hour);
}

export const minutes = (at: Date, m: number) => new Date(at.getTime() + m * 60_000);

/** Insights on a fake Stripe with plans synced and an admin logged in (billing's harness, with startInsights' options). */
export function startInsightsWithBilling(env: Record<string, string> = {}): Promise<BillingOnFakeStripe> {
  return startBillingOnFakeStripe((billingEnv) => startInsights({ ...billingEnv, ...env }), {
    email: 'insights-admin@example.com',
    password: 'an admin password for tests',
  });
}
