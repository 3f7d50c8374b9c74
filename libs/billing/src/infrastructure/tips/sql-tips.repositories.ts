import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type {
  CreatorPayout,
  LedgerEntry,
  PayoutAccount,
  PayoutHold,
  PayoutHoldReason,
  Tip,
} from '../../domain/tips/tips.js';
import {
  CreatorLedger,
  PayoutAccountRepository,
  PayoutHoldRepository,
  TipRepository,
} from '../../domain/tips/tips.repository.js';

type Row = Record<string, unknown>;
const date = (value: unknown): Date | null => (value == null ? null : new Date(value as string));

function toAccount(row: Row): PayoutAccount {
  return {
    creatorId: String(row.creator_id),
    providerAccountId: String(row.provider_account_id),
    status: row.status as PayoutAccount['status'],
    chargesEnabled: Boolean(row.charges_enabled),
    payoutsEnabled: Boolean(row.payouts_enabled),
    detailsSubmitted: Boolean(row.details_submitted),
    createdAt: date(row.created_at)!,
    updatedAt: date(row.updated_at)!,
  };
}

@Injectable()
export class SqlPayoutAccountRepository extends PayoutAccountRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async ofCreator(creatorId: string) {
    const [row] = await this.em.execute<Row[]>('select * from billing.payout_accounts where creator_id = ?', [
      creatorId,
    ]);
    return row ? toAccount(row) : null;
  }

  async byProviderAccount(providerAccountId: string) {
    const [row] = await this.em.execute<Row[]>('select * from billing.payout_accounts where provider_account_id = ?', [
      providerAccountId,
    ]);
    return row ? toAccount(row) : null;
  }

  async save(account: PayoutAccount) {
    await this.em.execute(
      `insert into billing.payout_accounts
         (creator_id, provider_account_id, status, charges_enabled, payouts_enabled, details_submitted, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (creator_id) do update set provider_account_id = excluded.provider_account_id, status = excluded.status,
         charges_enabled = excluded.charges_enabled, payouts_enabled = excluded.payouts_enabled,
         details_submitted = excluded.details_submitted, updated_at = excluded.updated_at`,
      [
        account.creatorId,
        account.providerAccountId,
        account.status,
        account.chargesEnabled,
        account.payoutsEnabled,
        account.detailsSubmitted,
        account.createdAt,
        account.updatedAt,
      ],
    );
  }
}

function toTip(row: Row): Tip {
  return {
    id: String(row.id),
    fanId: String(row.fan_id),
    creatorId: String(row.creator_id),
    videoId: (row.video_id as string | null) ?? null,
    amount: Number(row.amount),
    commission: Number(row.commission),
    currency: String(row.currency),
    message: (row.message as string | null) ?? null,
    status: row.status as Tip['status'],
    checkoutSessionId: (row.checkout_session_id as string | null) ?? null,
    paymentIntentId: (row.payment_intent_id as string | null) ?? null,
    transferId: (row.transfer_id as string | null) ?? null,
    creatorReversed: Number(row.creator_reversed),
    paidAt: date(row.paid_at),
    createdAt: date(row.created_at)!,
  };
}

@Injectable()
export class SqlTipRepository extends TipRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(tip: Tip) {
    await this.em.execute(
      `insert into billing.tips (id, fan_id, creator_id, video_id, amount, commission, currency, message, status,
         checkout_session_id, payment_intent_id, transfer_id, creator_reversed, paid_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        tip.id,
        tip.fanId,
        tip.creatorId,
        tip.videoId,
        tip.amount,
        tip.commission,
        tip.currency,
        tip.message,
        tip.status,
        tip.checkoutSessionId,
        tip.paymentIntentId,
        tip.transferId,
        tip.creatorReversed,
        tip.paidAt,
        tip.createdAt,
      ],
    );
  }

  async byIdForUpdate(id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await this.em.execute<Row[]>('select * from billing.tips where id = ? for update', [id]);
    return row ? toTip(row) : null;
  }

  async idOfPaymentIntent(paymentIntentId: string) {
    const [row] = await this.em.execute<Row[]>('select id from billing.tips where payment_intent_id = ?', [
      paymentIntentId,
    ]);
    return row ? String(row.id) : null;
  }

  async save(tip: Tip) {
    await this.em.execute(
      `update billing.tips set status = ?, checkout_session_id = ?, payment_intent_id = ?, transfer_id = ?,
         creator_reversed = ?, paid_at = ? where id = ?`,
      [tip.status, tip.checkoutSessionId, tip.paymentIntentId, tip.transferId, tip.creatorReversed, tip.paidAt, tip.id],
    );
  }
}

function toEntry(row: Row): LedgerEntry {
  return {
    id: String(row.id),
    creatorId: String(row.creator_id),
    kind: row.kind as LedgerEntry['kind'],
    sourceKey: String(row.source_key),
    tipId: (row.tip_id as string | null) ?? null,
    gross: Number(row.gross),
    commission: Number(row.commission),
    net: Number(row.net),
    currency: String(row.currency),
    occurredAt: date(row.occurred_at)!,
    transferId: (row.transfer_id as string | null) ?? null,
  };
}

function toPayout(row: Row): CreatorPayout {
  return {
    providerPayoutId: String(row.provider_payout_id),
    creatorId: String(row.creator_id),
    amount: Number(row.amount),
    currency: String(row.currency),
    status: row.status as CreatorPayout['status'],
    arrivalDate: date(row.arrival_date),
    failureCode: (row.failure_code as string | null) ?? null,
    createdAt: date(row.created_at)!,
  };
}

@Injectable()
export class SqlCreatorLedger extends CreatorLedger {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async record(entry: LedgerEntry) {
    const rows = await this.em.execute<Row[]>(
      `insert into billing.creator_ledger_entries
         (id, creator_id, kind, source_key, tip_id, gross, commission, net, currency, occurred_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source_key) do nothing returning id`,
      [
        entry.id,
        entry.creatorId,
        entry.kind,
        entry.sourceKey,
        entry.tipId,
        entry.gross,
        entry.commission,
        entry.net,
        entry.currency,
        entry.occurredAt,
      ],
    );
    return rows.length > 0;
  }

  async entriesOf(creatorId: string, range?: { from: Date; to: Date }) {
    const rows = range
      ? await this.em.execute<Row[]>(
          `select * from billing.creator_ledger_entries where creator_id = ? and occurred_at >= ? and occurred_at < ?
           order by occurred_at, id`,
          [creatorId, range.from, range.to],
        )
      : await this.em.execute<Row[]>(
          'select * from billing.creator_ledger_entries where creator_id = ? order by occurred_at, id',
          [creatorId],
        );
    return rows.map(toEntry);
  }

  async nextAdShareAwaitingTransfer(creatorId: string) {
    const [row] = await this.em.execute<Row[]>(
      `select * from billing.creator_ledger_entries
        where creator_id = ? and kind = 'ad_share' and transfer_id is null
        order by occurred_at, id limit 1 for update skip locked`,
      [creatorId],
    );
    return row ? toEntry(row) : null;
  }

  async markTransferred(entryId: string, transferId: string) {
    await this.em.execute(
      'update billing.creator_ledger_entries set transfer_id = ?, transferred_at = now() where id = ?',
      [transferId, entryId],
    );
  }

  async creatorsAwaitingAdShareTransfer(limit: number) {
    const rows = await this.em.execute<Array<{ creator_id: string }>>(
      `select distinct e.creator_id from billing.creator_ledger_entries e
         join billing.payout_accounts a on a.creator_id = e.creator_id and a.status = 'active'
        where e.kind = 'ad_share' and e.transfer_id is null
        limit ?`,
      [limit],
    );
    return rows.map((row) => row.creator_id);
  }

  async savePayout(payout: CreatorPayout) {
    await this.em.execute(
      `insert into billing.creator_payouts
         (provider_payout_id, creator_id, amount, currency, status, arrival_date, failure_code, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, now())
       on conflict (provider_payout_id) do update set status = excluded.status, arrival_date = excluded.arrival_date,
         failure_code = excluded.failure_code, amount = excluded.amount, updated_at = now()`,
      [
        payout.providerPayoutId,
        payout.creatorId,
        payout.amount,
        payout.currency,
        payout.status,
        payout.arrivalDate,
        payout.failureCode,
        payout.createdAt,
      ],
    );
  }

  async attributedSubscriptionRevenue(creatorId: string, channelIds: string[], range: { from: Date; to: Date }) {
    const rows = await this.em.execute<Array<{ currency: string; subscriptions: number; amount: string }>>(
      `select p.currency, count(distinct p.subscription_id)::int as subscriptions,
              sum(p.amount - p.refunded_amount)::bigint as amount
         from billing.payments p join billing.subscriptions s on s.id = p.subscription_id
        where p.paid_at >= ? and p.paid_at < ?
          and (p.dispute_outcome is null or p.dispute_outcome = 'won')
          and (s.attribution->>'creatorId' = ? or s.attribution->>'channelId' = any(?::text[]))
        group by p.currency order by p.currency`,
      [range.from, range.to, creatorId, `{${channelIds.join(',')}}`],
    );
    return rows.map((row) => ({
      currency: row.currency,
      subscriptions: row.subscriptions,
      amount: Number(row.amount),
    }));
  }

  async payoutsOf(creatorId: string, range?: { from: Date; to: Date }) {
    const rows = range
      ? await this.em.execute<Row[]>(
          `select * from billing.creator_payouts where creator_id = ? and created_at >= ? and created_at < ?
           order by created_at, provider_payout_id`,
          [creatorId, range.from, range.to],
        )
      : await this.em.execute<Row[]>(
          'select * from billing.creator_payouts where creator_id = ? order by created_at, provider_payout_id',
          [creatorId],
        );
    return rows.map(toPayout);
  }
}

@Injectable()
export class SqlPayoutHoldRepository extends PayoutHoldRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async place(hold: PayoutHold) {
    const rows = await this.em.execute<Row[]>(
      `insert into billing.payout_holds (creator_id, reason, source_id, held_at) values (?, ?, ?, ?)
       on conflict do nothing returning creator_id`,
      [hold.creatorId, hold.reason, hold.sourceId, hold.heldAt],
    );
    return rows.length > 0;
  }

  async release(creatorId: string, reason: PayoutHoldReason, sourceId: string) {
    const rows = await this.em.execute<Row[]>(
      'delete from billing.payout_holds where creator_id = ? and reason = ? and source_id = ? returning creator_id',
      [creatorId, reason, sourceId],
    );
    return rows.length > 0;
  }

  async of(creatorId: string) {
    const rows = await this.em.execute<Row[]>(
      'select * from billing.payout_holds where creator_id = ? order by held_at',
      [creatorId],
    );
    return rows.map((row) => ({
      creatorId: String(row.creator_id),
      reason: row.reason as PayoutHoldReason,
      sourceId: String(row.source_id),
      heldAt: date(row.held_at)!,
    }));
  }
}
