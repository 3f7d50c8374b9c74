import type Stripe from 'stripe';
import { eventually, httpRequest } from '@lib/platform/testing';
import { startFakeStripe, type FakeStripe } from '../../support/fake-stripe.js';
import {
  registerPerson,
  runCli,
  sharedServices,
  spawnApi,
  spawnWorker,
  type AppProcess,
  type SharedServices,
} from '../../support/processes.js';

/**
 * Stripe webhooks under SIGKILL (ADR 0049): the API dies after storing an event (before enqueueing
 * it, or before its 2xx), the worker dies after applying one (before its job completes). Stripe
 * redelivers the same event ids; each is applied exactly once.
 */
describe('faults: Stripe webhooks under SIGKILL', () => {
  let fake: FakeStripe;
  let services: SharedServices;
  let api: AppProcess;
  let worker: AppProcess;

  beforeAll(async () => {
    fake = await startFakeStripe();
    services = await sharedServices(fake.env);
    await runCli(services.env, 'billing:sync-plans');
    [api, worker] = await Promise.all([spawnApi(services.env), spawnWorker(services, services.env)]);
  }, 240_000); // a CLI run, then two real processes booting from source on a loaded 2-core machine

  afterAll(async () => {
    await services?.close();
    await fake?.close();
  });

  const hook = () => `${api.url}/v1/billing/webhooks/stripe`;

  /** A new account pays a checkout on the fake Stripe; returns the events Stripe will deliver. */
  async function paidCheckout(handle: string): Promise<{ userId: string; token: string; events: Stripe.Event[] }> {
    const { userId, token } = await registerPerson(api.url, handle);
    const checkout = await httpRequest(api.url, 'POST', '/v1/billing/checkout', {
      token,
      body: { planId: 'prime', interval: 'month' },
    });
    expect(checkout.status).toBe(201);
    const paid = await fake.emulator.completeCheckout(checkout.body.sessionId, 'pay');
    return { userId, token, events: paid.events as unknown as Stripe.Event[] };
  }

  const webhookRow = async (eventId: string) =>
    services.sql<{ status: string; attempts: number }>(
      `select status, attempts from billing.webhook_events where provider_event_id = $1`,
      [eventId],
    );

  /** Every delivered event stored once and settled; one subscription, one invoice, one activation announced. */
  async function appliedOnce(userId: string, token: string, events: Stripe.Event[]): Promise<void> {
    await eventually(
      async () => {
        const plan = await httpRequest(api.url, 'GET', '/v1/billing/subscription', { token });
        expect(plan.body.planId).toBe('prime');
        const rows = await services.sql<{ id: string; copies: number; settled: boolean }>(
          `select provider_event_id as id, count(*)::int as copies, bool_and(status in ('processed', 'ignored')) as settled
             from billing.webhook_events where provider_event_id = any($1) group by provider_event_id`,
          [events.map((event) => event.id)],
        );
        expect(rows).toHaveLength(events.length);
        expect(rows.every((row) => row.copies === 1 && row.settled)).toBe(true);
      },
      { timeoutMs: 30_000 },
    );
    const [counts] = await services.sql<{ subscriptions: number; invoices: number; activations: number }>(
      `select (select count(*)::int from billing.subscriptions where user_id = $1) as subscriptions,
              (select count(*)::int from billing.invoices where user_id = $1) as invoices,
              (select count(*)::int from platform.outbox
                where type = 'billing.subscription-activated.v1' and payload->>'userId' = $1::text) as activations`,
      [userId],
    );
    expect(counts).toEqual({ subscriptions: 1, invoices: 1, activations: 1 });
  }

  /** Delivers one event to an API armed to die on it: the connection drops, no 2xx. */
  async function deliverIntoKill(event: Stripe.Event): Promise<void> {
    await expect(fake.deliver(hook(), [event])).rejects.toThrow();
    await api.died();
    expect(api.output()).toMatch(/FAULT_INJECT: killed at webhook\./);
  }

  it('the API killed after storing an event, before enqueueing it: the redelivery has it applied, once', async () => {
    await api.restart({ FAULT_INJECT: 'webhook.after-store' });
    const { userId, token, events } = await paidCheckout('killed_after_store');
    await deliverIntoKill(events[0]);
    expect(await webhookRow(events[0].id)).toEqual([{ status: 'received', attempts: 0 }]);

    await api.restart({ FAULT_INJECT: '' });
    // Stripe retries what got no 2xx, then the rest; the retry finds the stored row and enqueues it again.
    expect(await fake.deliver(hook(), events)).toEqual(events.map(() => 200));
    await appliedOnce(userId, token, events);
    expect(await webhookRow(events[0].id)).toEqual([{ status: expect.any(String), attempts: 1 }]);
  }, 240_000); // restarts real processes; slow on a loaded 2-core machine

  it('the API killed after enqueueing, before its 2xx: the worker applies it, the redelivery is a duplicate', async () => {
    await api.restart({ FAULT_INJECT: 'webhook.after-enqueue' });
    const { userId, token, events } = await paidCheckout('killed_before_ack');
    await deliverIntoKill(events[0]);
    await eventually(async () => expect((await webhookRow(events[0].id))[0].status).toMatch(/processed|ignored/));

    await api.restart({ FAULT_INJECT: '' });
    expect(await fake.deliver(hook(), events)).toEqual(events.map(() => 200));
    await appliedOnce(userId, token, events);
    expect(await webhookRow(events[0].id)).toEqual([{ status: expect.any(String), attempts: 1 }]);
  }, 240_000); // restarts real processes; slow on a loaded 2-core machine

  it('the worker killed after applying an event, before its job completed: the job runs again and applies nothing', async () => {
    await worker.restart({ FAULT_INJECT: 'webhook.after-apply' });
    const { userId, token, events } = await paidCheckout('worker_killed');
    expect(await fake.deliver(hook(), [events[0]])).toEqual([200]);
    await worker.died();
    expect(worker.output()).toContain('FAULT_INJECT: killed at webhook.after-apply');
    expect((await webhookRow(events[0].id))[0].attempts).toBe(1);

    await worker.restart({ FAULT_INJECT: '' });
    expect(await fake.deliver(hook(), events)).toEqual(events.map(() => 200));
    await appliedOnce(userId, token, events);
    // The stalled job ran again on the restarted worker and found the event settled.
    const [{ id }] = await services.sql<{ id: string }>(
      `select id from billing.webhook_events where provider_event_id = $1`,
      [events[0].id],
    );
    await eventually(async () =>
      expect(
        await services.redis.hget(`${services.env.REDIS_PREFIX}:bull:billing.process-webhook:${id}:0`, 'returnvalue'),
      ).toBe(JSON.stringify('already-settled')),
    );
    expect(await webhookRow(events[0].id)).toEqual([{ status: expect.any(String), attempts: 1 }]);
  }, 240_000); // restarts real processes; slow on a loaded 2-core machine
});
