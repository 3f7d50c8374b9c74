import { Injectable, Logger } from '@nestjs/common';
import { Mailer } from '@lib/platform';
import { ChannelNotFoundError } from '../domain/insights.errors.js';
import { DAY_MS, startOfUtcDay } from '../domain/hours.js';
import { AnalyticsReader } from './analytics-reader.js';
import { AnalyticsAccess } from './analytics-access.js';
import { ChannelMembership } from './channel-membership.js';
import { headline } from './dashboard-metrics.js';
import { DomainFacts } from './domain-facts.js';

export abstract class WeeklyReportStore {
  abstract optIn(channelId: string, userId: string, at: Date): Promise<void>;
  abstract optOut(channelId: string, userId: string): Promise<void>;
  /** Opt-ins not yet sent the report of the week starting `week`. */
  abstract due(week: Date, limit: number): Promise<Array<{ channelId: string; userId: string }>>;
  abstract markSent(channelId: string, userId: string, week: Date): Promise<void>;
}

/** Monday 00:00 UTC of the week containing `at`. */
export function weekStart(at: Date): Date {
  const day = startOfUtcDay(at);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

/** Opt-in weekly e-mail reports per channel: last week's figures against the week before. */
@Injectable()
export class WeeklyReports {
  private readonly logger = new Logger(WeeklyReports.name);

  constructor(
    private readonly store: WeeklyReportStore,
    private readonly membership: ChannelMembership,
    private readonly reader: AnalyticsReader,
    private readonly facts: DomainFacts,
    private readonly mailer: Mailer,
    private readonly access: AnalyticsAccess,
  ) {}

  async setOptIn(userId: string, channelId: string, enabled: boolean): Promise<void> {
    await this.access.require(userId, channelId, 'basic', () => new ChannelNotFoundError(channelId));
    if (enabled) await this.store.optIn(channelId, userId, new Date());
    else await this.store.optOut(channelId, userId);
  }

  /** Sends every report due for the week that just ended (idempotent: each is marked once sent). */
  async sendDue(now = new Date()): Promise<number> {
    const thisWeek = weekStart(now);
    const from = new Date(thisWeek.getTime() - 7 * DAY_MS);
    const before = new Date(from.getTime() - 7 * DAY_MS);
    let sent = 0;
    // Page through every opt-in: each one is marked as it is handled, so the next page is the rest.
    for (let page = await this.store.due(thisWeek, 500); page.length; page = await this.store.due(thisWeek, 500)) {
      sent += await this.sendPage(page, from, thisWeek, before);
    }
    if (sent) this.logger.log({ sent }, 'weekly reports sent');
    return sent;
  }

  private async sendPage(
    page: Array<{ channelId: string; userId: string }>,
    from: Date,
    thisWeek: Date,
    before: Date,
  ): Promise<number> {
    let sent = 0;
    for (const { channelId, userId } of page) {
      const email = await this.facts.emailOf(userId);
      if (email && (await this.membership.isMember(userId, channelId))) {
        const current = headline(await this.reader.totals('channel', channelId, from, thisWeek));
        const previous = headline(await this.reader.totals('channel', channelId, before, from));
        const lines = Object.entries(current).map(
          ([name, value]) => `  ${name}: ${value} (week before: ${previous[name]})`,
        );
        await this.mailer.send({
          to: email,
          subject: `Your channel's week: ${current.views} views`,
          text: `Week of ${from.toISOString().slice(0, 10)} (UTC)\n\n${lines.join('\n')}\n\nTurn these e-mails off in your analytics settings.`,
          idempotencyKey: `insights-weekly:${channelId}:${userId}:${thisWeek.toISOString().slice(0, 10)}`,
        });
        sent += 1;
      }
      await this.store.markSent(channelId, userId, thisWeek);
    }
    return sent;
  }
}
