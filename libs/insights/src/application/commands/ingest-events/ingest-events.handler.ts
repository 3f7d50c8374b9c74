import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { AdEventLedger } from '@lib/ads/contracts';
import {
  isRejection,
  validateClientEvent,
  type IngestionPolicy,
  type Rejection,
  type ValidClientEvent,
} from '../../../domain/client-event.js';
import { acquisition, clientContext, isBot } from '../../../domain/request-context.js';
import { EventStore, LiveCounters, type StoredEvent, type VideoFacts } from '../../event-store.js';
import { ExperimentEventGate } from '../../experiments/experiment-event-gate.js';
import { VideoDirectory } from '../../video-directory.js';
import { IngestEventsCommand, type IngestionResult } from './ingest-events.command.js';

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * Validates each event, attaches the request's context and writes the batch in one idempotent
 * statement. The answer is sent only after PostgreSQL committed; live counters (Redis) are updated
 * afterwards and never delay or fail the acknowledgement.
 */
@CommandHandler(IngestEventsCommand)
export class IngestEventsHandler implements ICommandHandler<IngestEventsCommand, IngestionResult> {
  private readonly policy: IngestionPolicy;

  constructor(
    private readonly config: AppConfig,
    private readonly store: EventStore,
    private readonly live: LiveCounters,
    private readonly videoDirectory: VideoDirectory,
    private readonly experiments: ExperimentEventGate,
    private readonly ads: AdEventLedger,
  ) {
    this.policy = {
      maxBatch: config.insights.maxBatch,
      maxFutureSkewMs: config.insights.maxFutureSkewMs,
      maxAgeMs: config.insights.maxEventAgeMs,
    };
  }

  async execute({ events, userId, facts }: IngestEventsCommand): Promise<IngestionResult> {
    if (isBot(facts.userAgent)) return { accepted: 0, duplicates: 0, filtered: events.length, rejected: [] };
    const now = new Date();
    const rejected: Rejection[] = [];
    const valid: ValidClientEvent[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    events.forEach((raw, index) => {
      const checked = validateClientEvent(raw, index, now, this.policy);
      if (isRejection(checked)) rejected.push(checked);
      else if (seen.has(checked.eventId))
        duplicates += 1; // the same id twice in one batch counts once
      else {
        seen.add(checked.eventId);
        valid.push(checked);
      }
    });
    // Exposures with a forged arm or no running experiment are refused here and never stored.
    const screened = await this.experiments.screen(valid, userId);
    if (screened.rejected.length) {
      rejected.push(...screened.rejected);
      rejected.sort((a, b) => a.index - b.index);
    }
    const kept = await this.screenAdEvents(screened.kept, userId, rejected);
    if (!kept.length) return { accepted: 0, duplicates, filtered: 0, rejected };

    const context = clientContext({ ...facts, country: facts.country ?? this.config.insights.defaultCountry });
    const videoIds = [...new Set(kept.map((event) => event.videoId).filter((id): id is string => id !== null))];
    const videos = videoIds.length ? await this.videoDirectory.factsOf(videoIds) : new Map<string, VideoFacts>();
    const rows = kept.map((event) =>
      this.toRow(event, userId, now, context, videos.get(event.videoId ?? ''), facts.referer),
    );

    const written = await this.store.append(rows);
    await this.experiments.record(screened);
    this.live.record(rows.filter((row) => written.has(row.eventId)));
    return { accepted: written.size, duplicates: duplicates + rows.length - written.size, filtered: 0, rejected };
  }

  /**
   * `ad_impression` / `ad_click` count only when ads verifies their decision token (`properties.token`) and
   * has not counted that decision's impression or click before; the others are refused and stored nowhere.
   */
  private async screenAdEvents(
    events: ValidClientEvent[],
    userId: string | null,
    rejected: Rejection[],
  ): Promise<ValidClientEvent[]> {
    const adEvents = events.filter((event) => event.name === 'ad_impression' || event.name === 'ad_click');
    if (!adEvents.length) return events;
    const verdicts = await this.ads.count(
      adEvents.map((event) => ({
        eventId: event.eventId,
        kind: event.name === 'ad_impression' ? ('impression' as const) : ('click' as const),
        token: event.properties.token,
        userId,
      })),
    );
    const refused = new Set<ValidClientEvent>();
    verdicts.forEach((verdict, index) => {
      if (verdict.counted) return;
      const event = adEvents[index];
      refused.add(event);
      rejected.push({ index: event.index, code: verdict.code, message: verdict.reason });
    });
    if (refused.size) rejected.sort((a, b) => a.index - b.index);
    return events.filter((event) => !refused.has(event));
  }

  private toRow(
    event: ValidClientEvent,
    userId: string | null,
    receivedAt: Date,
    context: ReturnType<typeof clientContext>,
    video: VideoFacts | undefined,
    referer: string | undefined,
  ): StoredEvent {
    const props = event.properties;
    // Only studio says whose a video is: a client's `properties.channelId` is kept as sent but never attributes anything.
    const channelId = video?.channelId ?? null;
    const duration = video?.durationSeconds ?? num(props.duration);
    const position = num(props.position);
    let positionPct: number | null = null;
    if (event.name === 'video_complete') positionPct = 100;
    else if (position !== null && duration && duration > 0)
      positionPct = Math.max(0, Math.min(100, Math.floor((position / duration) * 100)));
    const elapsed = num(props.elapsed);
    const watchSeconds =
      event.name === 'video_progress'
        ? Math.max(0, Math.min(60, elapsed ?? this.config.insights.heartbeatSeconds))
        : null;
    const source = acquisition(props, referer);
    return {
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      receivedAt,
      name: event.name,
      source: 'client',
      sessionId: event.sessionId,
      userId,
      viewerKey: userId ?? `s:${event.sessionId}`,
      videoId: event.videoId,
      channelId,
      creatorId: video?.creatorId ?? null,
      properties: props,
      device: context.device,
      os: context.os,
      country: context.country,
      referrer: source.referrer,
      trafficSource: source.trafficSource,
      utmSource: source.utmSource,
      utmMedium: source.utmMedium,
      utmCampaign: source.utmCampaign,
      positionPct,
      watchSeconds,
      amountCents: null,
    };
  }
}
