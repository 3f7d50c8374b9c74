import { randomUUID } from 'node:crypto';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { MrrMovementRecordedV1 } from '@lib/billing/contracts';
import { eventually } from '@lib/platform/testing';
import { sql, subscribe, type BillingOnFakeStripe } from '../../support/billing.js';
import { startInsightsWithBilling } from '../../support/insights.js';
import { registerUser } from '../../support/showrunner.js';

const DAY = 86_400_000;

/**
 * One source of truth for MRR: billing classifies each movement of its ledger and publishes it
 * (billing.mrr-movement-recorded.v1); insights' platform series is built from those events only,
 * so billing's revenue metrics and insights' dashboard agree on the same fixture.
 */
describe('insights: MRR as billing classifies it', () => {
  let harness: BillingOnFakeStripe;

  beforeAll(async () => {
    harness = await startInsightsWithBilling();
  });
  afterAll(() => harness.close());

  it('gives the same new, expansion, churned and ending MRR as billing’s revenue metrics', async () => {
    const { app, fake, adminToken } = harness;
    const monthly = await registerUser(app);
    const yearly = await registerUser(app);
    await subscribe(app, fake, monthly, 'creator-plus', 'month'); // +999 new
    await subscribe(app, fake, yearly, 'studio-pro', 'year'); // +29990/12 = 2499 new
    await app.request('POST', '/v1/billing/subscription/change', {
      token: monthly.tokens.accessToken,
      body: { planId: 'studio-pro', interval: 'month' },
    }); // +2000 expansion
    await app.request('POST', '/v1/billing/subscription/cancel', {
      token: yearly.tokens.accessToken,
      body: { atPeriodEnd: false, reason: 'too_expensive' },
    }); // -2499 churn

    const today = new Date(Math.floor(Date.now() / DAY) * DAY);
    const from = today.toISOString();
    const to = new Date(today.getTime() + DAY).toISOString();
    const billing = await app.request('GET', `/v1/admin/billing/metrics?from=${from}&to=${to}&interval=day`, {
      token: adminToken,
    });
    expect(billing.status).toBe(200);
    const [usd] = billing.body.currencies;
    expect(usd.summary).toMatchObject({
      newMrr: 999 + 2_499,
      expansionMrr: 2_000,
      contractionMrr: 0,
      churnedMrr: 2_499,
      reactivationMrr: 0,
      endingMrr: 2_999,
    });

    // Every movement billing recorded reaches insights once, keyed by billing's movement id.
    await eventually(async () => {
      const ledger = await sql<{ id: string }>(app, `select id from billing.mrr_movements order by id`);
      const copied = await sql<{ movement_id: string }>(
        app,
        `select movement_id from insights.mrr_movements order by movement_id`,
      );
      expect(copied.map((row) => row.movement_id)).toEqual(ledger.map((row) => row.id));
    });
    const insights = await app.request('GET', `/v1/admin/insights/overview?from=${from}&to=${to}`, {
      token: adminToken,
    });
    expect(insights.status).toBe(200);
    const [day] = insights.body.revenue;
    expect({
      newMrr: day.newMrrCents,
      expansionMrr: day.expansionMrrCents,
      contractionMrr: day.contractionMrrCents,
      churnedMrr: day.churnedMrrCents,
      reactivationMrr: day.reactivationMrrCents,
      endingMrr: day.mrrCents,
    }).toEqual({
      newMrr: usd.summary.newMrr,
      expansionMrr: usd.summary.expansionMrr,
      contractionMrr: usd.summary.contractionMrr,
      churnedMrr: usd.summary.churnedMrr,
      reactivationMrr: usd.summary.reactivationMrr,
      endingMrr: usd.summary.endingMrr,
    });
    expect(day.churnedSubscriptions).toBe(usd.summary.churnedSubscribers);

    // A movement delivered again, even under another envelope the inbox has not seen, is stored once.
    const { RecordBillingEvents } =
      await import('../../../libs/insights/src/application/reactions/record-domain-events.js');
    const [sent] = await sql<{ payload: MrrMovementRecordedV1 }>(
      app,
      `select payload from platform.outbox where type = 'billing.mrr-movement-recorded.v1' limit 1`,
    );
    const orm = app.app.get(MikroORM);
    const envelope = {
      id: randomUUID(),
      type: MrrMovementRecordedV1.type,
      occurredAt: new Date().toISOString(),
      aggregateId: null,
      aggregateVersion: null,
      payload: {},
    };
    await RequestContext.create(orm.em, () =>
      orm.em.transactional((em) =>
        app.app.get(RecordBillingEvents).handle({
          event: new MrrMovementRecordedV1(sent.payload),
          envelope,
          em,
          afterCommit: () => undefined /* it registers no effects */,
        }),
      ),
    );
    const [{ n }] = (await sql<{ n: number }>(
      app,
      `select count(*)::int as n from insights.mrr_movements where movement_id = ?`,
      [sent.payload.movementId],
    )) as [{ n: number }];
    expect(n).toBe(1);
  });
});
