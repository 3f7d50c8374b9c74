import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OwnedChannels } from '@lib/studio/contracts';
import { balanceOf, ledgerTotals } from '../../../domain/tips/tips.js';
import { LedgerRangeInvalidError } from '../../../domain/tips/tips.errors.js';
import { CreatorLedger } from '../../../domain/tips/tips.repository.js';
import { PayoutHolds } from '../../tips/payout-holds.js';
import { GetCreatorLedgerQuery, type CreatorLedgerView } from './get-creator-ledger.query.js';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366;

function parseInstant(name: string, value: string | undefined, fallback: Date): Date {
  if (value === undefined || value === '') return fallback;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new LedgerRangeInvalidError(`${name} is not a date`);
  return parsed;
}

/** The creator's ledger for a period (default: the last 30 days), with all-time balances and payout holds. */
@QueryHandler(GetCreatorLedgerQuery)
export class GetCreatorLedgerHandler implements IQueryHandler<GetCreatorLedgerQuery> {
  constructor(
    private readonly ledger: CreatorLedger,
    private readonly holds: PayoutHolds,
    private readonly channels: OwnedChannels,
  ) {}

  async execute({ creatorId, from: rawFrom, to: rawTo }: GetCreatorLedgerQuery): Promise<CreatorLedgerView> {
    const to = parseInstant('to', rawTo, new Date());
    const from = parseInstant('from', rawFrom, new Date(to.getTime() - 30 * DAY_MS));
    if (from >= to) throw new LedgerRangeInvalidError('from must be before to');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      throw new LedgerRangeInvalidError(`at most ${MAX_RANGE_DAYS} days`);
    const range = { from, to };
    const channelIds = (await this.channels.ownedBy(creatorId)).map((channel) => channel.id);
    const [entries, payouts, allEntries, allPayouts, holds, subscriptionRevenue] = await Promise.all([
      this.ledger.entriesOf(creatorId, range),
      this.ledger.payoutsOf(creatorId, range),
      this.ledger.entriesOf(creatorId),
      this.ledger.payoutsOf(creatorId),
      this.holds.heldFor(creatorId),
      this.ledger.attributedSubscriptionRevenue(creatorId, channelIds, range),
    ]);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      totals: ledgerTotals(entries, payouts),
      balances: ledgerTotals(allEntries, allPayouts).map((totals) => ({
        currency: totals.currency,
        amount: balanceOf(totals),
      })),
      payoutsHeld: holds.length > 0,
      holdReasons: [...new Set(holds.map((hold) => hold.reason))],
      subscriptionRevenue,
      entries: entries.map((entry) => ({
        kind: entry.kind,
        tipId: entry.tipId,
        gross: entry.gross,
        commission: entry.commission,
        net: entry.net,
        currency: entry.currency,
        occurredAt: entry.occurredAt.toISOString(),
        transferId: entry.transferId ?? null,
      })),
      payouts: payouts.map((payout) => ({
        payoutId: payout.providerPayoutId,
        amount: payout.amount,
        currency: payout.currency,
        status: payout.status,
        arrivalDate: payout.arrivalDate?.toISOString() ?? null,
        failureCode: payout.failureCode,
        createdAt: payout.createdAt.toISOString(),
      })),
    };
  }
}
