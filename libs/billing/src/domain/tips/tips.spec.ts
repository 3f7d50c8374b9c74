import {
  assertTipAmount,
  balanceOf,
  creatorShareMove,
  creatorShareToReverse,
  ledgerTotals,
  payoutAccountStatus,
  splitTip,
  statusOf,
  type CreatorPayout,
  type LedgerEntry,
  type ProviderTipPayment,
} from './tips.js';
import { TipAmountOutOfRangeError } from './tips.errors.js';

const payment = (overrides: Partial<ProviderTipPayment> = {}): ProviderTipPayment => ({
  paymentIntentId: 'pi_1',
  succeeded: true,
  amount: 1000,
  fee: 100,
  currency: 'usd',
  chargeId: 'ch_1',
  transferId: 'tr_1',
  amountRefunded: 0,
  dispute: null,
  ...overrides,
});

const open = { outcome: 'open' as const, amount: 1000 };
const won = { outcome: 'won' as const, amount: 1000 };

describe('tips', () => {
  it('splits a tip into commission and net that always add up to the tip', () => {
    expect(splitTip(500, 10)).toEqual({ commission: 50, net: 450 });
    expect(splitTip(105, 10)).toEqual({ commission: 11, net: 94 });
    for (let amount = 1; amount <= 2_000; amount += 7)
      for (const percent of [0, 1, 5, 10, 12, 33, 50]) {
        const { commission, net } = splitTip(amount, percent);
        expect([commission + net, commission >= 0, net >= 0]).toEqual([amount, true, true]);
      }
  });

  it('refuses amounts outside the limits, and fractional amounts', () => {
    const limits = { min: 100, max: 50_000, currency: 'usd', commissionPercent: 10 };
    expect(() => assertTipAmount(100, limits)).not.toThrow();
    expect(() => assertTipAmount(50_000, limits)).not.toThrow();
    for (const amount of [99, 50_001, 150.5, -1])
      expect(() => assertTipAmount(amount, limits)).toThrow(TipAmountOutOfRangeError);
  });

  it('takes back the refunded fraction of the creator share, and all of it after a dispute', () => {
    expect(creatorShareToReverse(payment())).toBe(0);
    expect(creatorShareToReverse(payment({ amountRefunded: 250 }))).toBe(225);
    expect(creatorShareToReverse(payment({ amountRefunded: 1000 }))).toBe(900);
    expect(creatorShareToReverse(payment({ amountRefunded: 250, dispute: open }))).toBe(900);
    expect(creatorShareToReverse(payment({ amountRefunded: 250, dispute: { ...open, outcome: 'lost' } }))).toBe(900);
    // A won dispute gives the share back: only the refunded fraction stays reversed.
    expect(creatorShareToReverse(payment({ amountRefunded: 250, dispute: won }))).toBe(225);
    for (let refunded = 0; refunded <= 1000; refunded++) {
      const share = creatorShareToReverse(payment({ amountRefunded: refunded }));
      if (share < 0 || share > 900) throw new Error(`share ${share} for ${refunded} refunded`);
    }
  });

  it('names the tip status from the payment', () => {
    expect(statusOf(payment({ succeeded: false }))).toBe('pending');
    expect(statusOf(payment())).toBe('paid');
    expect(statusOf(payment({ amountRefunded: 1 }))).toBe('partially_refunded');
    expect(statusOf(payment({ amountRefunded: 1000 }))).toBe('refunded');
    expect(statusOf(payment({ dispute: open }))).toBe('disputed');
    expect(statusOf(payment({ dispute: { ...open, outcome: 'lost' } }))).toBe('disputed');
    expect(statusOf(payment({ dispute: won }))).toBe('paid');
    expect(statusOf(payment({ amountRefunded: 250, dispute: won }))).toBe('partially_refunded');
  });

  it('moves the creator share once per step: refund, dispute, won dispute, each with its own key', () => {
    expect(creatorShareMove('t', 0, payment())).toBeNull();
    expect(creatorShareMove('t', 0, payment({ amountRefunded: 250 }))).toEqual({
      target: 225,
      delta: 225,
      sourceKey: 'tip:t:reversed-to:225',
    });
    expect(creatorShareMove('t', 225, payment({ amountRefunded: 250, dispute: open }))).toEqual({
      target: 900,
      delta: 675,
      sourceKey: 'tip:t:reversed-to:900',
    });
    // Won: the dispute's part comes back once; applied again (a duplicate, a late event) nothing moves.
    expect(creatorShareMove('t', 900, payment({ amountRefunded: 250, dispute: won }))).toEqual({
      target: 225,
      delta: -675,
      sourceKey: 'tip:t:reinstated-to:225',
    });
    expect(creatorShareMove('t', 225, payment({ amountRefunded: 250, dispute: won }))).toBeNull();
    // Closed before created: the first read already sees it won, so nothing was taken and nothing is given back.
    expect(creatorShareMove('t', 0, payment({ dispute: won }))).toBeNull();
    // A full refund after the win reaches 900 again under a key of its own, not the dispute's.
    expect(creatorShareMove('t', 225, payment({ amountRefunded: 1000, dispute: won }))).toMatchObject({
      delta: 675,
      sourceKey: 'tip:t:dispute-won:reversed-to:900',
    });
  });

  it('totals a ledger per currency; the balance excludes failed payouts', () => {
    const entry = (kind: LedgerEntry['kind'], net: number, currency = 'usd'): LedgerEntry => ({
      id: `${kind}${net}`,
      creatorId: 'c',
      kind,
      sourceKey: `${kind}${net}`,
      tipId: 't',
      gross: kind === 'tip' ? Math.round(net / 0.9) : net,
      commission: kind === 'tip' ? Math.round(net / 0.9) - net : 0,
      net,
      currency,
      occurredAt: new Date(0),
    });
    const payout = (amount: number, status: CreatorPayout['status']): CreatorPayout => ({
      providerPayoutId: `po_${amount}_${status}`,
      creatorId: 'c',
      amount,
      currency: 'usd',
      status,
      arrivalDate: null,
      failureCode: null,
      createdAt: new Date(0),
    });
    const totals = ledgerTotals(
      [entry('tip', 900), entry('tip', 450), entry('reversal', -225), entry('tip', 90, 'eur')],
      [payout(500, 'paid'), payout(100, 'in_transit'), payout(300, 'failed')],
    );
    expect(totals).toEqual([
      {
        currency: 'eur',
        tipsGross: 100,
        commission: 10,
        tipsNet: 90,
        adShare: 0,
        adShareAwaitingTransfer: 0,
        reversed: 0,
        paidOut: 0,
        inTransit: 0,
      },
      {
        currency: 'usd',
        tipsGross: 1500,
        commission: 150,
        tipsNet: 1350,
        adShare: 0,
        adShareAwaitingTransfer: 0,
        reversed: 225,
        paidOut: 500,
        inTransit: 100,
      },
    ]);
    expect(balanceOf(totals[1])).toBe(525);
  });

  it('counts a settled ad share in the balance, transferred or still awaiting its transfer', () => {
    const share = (net: number, transferId: string | null): LedgerEntry => ({
      id: `a${net}`,
      creatorId: 'c',
      kind: 'ad_share',
      sourceKey: `ads:settlement:${net}`,
      tipId: null,
      gross: net * 2,
      commission: net,
      net,
      currency: 'usd',
      occurredAt: new Date(0),
      transferId,
    });
    const [totals] = ledgerTotals([share(40, 'tr_1'), share(7, null)], []);
    expect(totals).toMatchObject({ adShare: 47, adShareAwaitingTransfer: 7 });
    expect(balanceOf(totals)).toBe(47);
  });

  it('derives the payout account status from the provider flags', () => {
    const flags = { chargesEnabled: false, payoutsEnabled: false, detailsSubmitted: false, transfersActive: false };
    expect(payoutAccountStatus(flags)).toBe('onboarding');
    expect(payoutAccountStatus({ ...flags, detailsSubmitted: true })).toBe('restricted');
    expect(
      payoutAccountStatus({
        chargesEnabled: true,
        payoutsEnabled: true,
        detailsSubmitted: true,
        transfersActive: true,
      }),
    ).toBe('active');
  });
});
