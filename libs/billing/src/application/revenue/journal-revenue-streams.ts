import { Injectable } from '@nestjs/common';
import { RevenueStreams, type RevenueStreamsDay } from '../../contracts/revenue-streams.js';
import { RevenueJournal } from '../../domain/revenue/revenue-journal.js';
import { noStreams } from '../../domain/revenue/revenue-streams.js';

/** RevenueStreams answered from the revenue journal, one row per UTC day and currency. */
@Injectable()
export class JournalRevenueStreams extends RevenueStreams {
  constructor(private readonly journal: RevenueJournal) {
    super();
  }

  async daily(range: { from: Date; to: Date }): Promise<RevenueStreamsDay[]> {
    const days = new Map<string, RevenueStreamsDay>();
    for (const total of await this.journal.bucketed(range, 'day')) {
      const day = total.bucketStart.toISOString().slice(0, 10);
      const currency = total.currency.toLowerCase();
      const key = `${day}|${currency}`;
      const row = days.get(key) ?? { day, currency, streams: noStreams() };
      row.streams[total.stream] += total.amount;
      days.set(key, row);
    }
    return [...days.values()].sort((a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency));
  }
}
