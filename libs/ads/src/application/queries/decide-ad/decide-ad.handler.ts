import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { newId } from '@lib/platform';
import { AppConfig } from '@config';
import {
  InvalidAdInputError,
  isPlacement,
  selectCreative,
  signDecisionToken,
  UnknownPlacementError,
} from '../../../domain/index.js';
import { AdFreePlans, AdVideos, DeliveryState } from '../../ads-ports.js';
import { LiveCatalog } from '../../delivery/live-catalog.js';
import { countryOf, deviceOf, languageOf } from '../../delivery/viewer-context.js';
import { DecideAdQuery, type AdDecisionView } from './decide-ad.query.js';

const DEVICE_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The decision path: plan check (billing, cached there), one Redis round trip (catalogue version and
 * the viewer's caps), selection in memory, a signed token. Nothing is written but a counter.
 */
@QueryHandler(DecideAdQuery)
export class DecideAdHandler implements IQueryHandler<DecideAdQuery, AdDecisionView | null> {
  constructor(
    private readonly config: AppConfig,
    private readonly live: LiveCatalog,
    private readonly state: DeliveryState,
    private readonly plans: AdFreePlans,
    private readonly videos: AdVideos,
  ) {}

  async execute({ placement, videoId, userId, deviceId, facts }: DecideAdQuery): Promise<AdDecisionView | null> {
    if (!isPlacement(placement)) throw new UnknownPlacementError(placement);
    if (videoId !== null && !UUID.test(videoId))
      throw new InvalidAdInputError('videoId must be a UUID', { field: 'videoId' });
    if (!userId && (!deviceId || !DEVICE_ID.test(deviceId)))
      throw new InvalidAdInputError(
        'Anonymous requests need a device id (X-Device-Id header or sr_device cookie, 8-128 characters)',
        {
          field: 'deviceId',
        },
      );
    const now = Date.now();
    const day = new Date(now).toISOString().slice(0, 10);
    if (userId && (await this.plans.isAdFree(userId))) return null;
    const viewerKey = userId ? `u:${userId}` : `d:${deviceId}`;
    const [viewer, video] = await Promise.all([
      this.state.viewer(viewerKey),
      videoId ? this.videos.find(videoId.toLowerCase()) : Promise.resolve(null),
    ]);
    const catalog = await this.live.current(viewer.catalogVersion, now);
    const chosen = selectCreative(
      catalog.byPlacement.get(placement) ?? [],
      catalog.campaigns,
      {
        country: countryOf(facts.country),
        device: deviceOf(facts.userAgent),
        language: languageOf(facts.acceptLanguage),
        category: video?.category?.toLowerCase() ?? null,
      },
      viewer.caps,
      now,
      {
        capPerWindow: this.config.ads.frequencyCap,
        capWindowMs: this.config.ads.frequencyWindowMs,
        pacingSlack: this.config.ads.pacingSlack,
      },
    );
    this.state.countDecision(
      day,
      placement,
      chosen && { campaignId: chosen.campaign.id, creativeId: chosen.creative.id },
    );
    if (!chosen) return null;
    const decisionId = newId();
    const exp = Math.floor(now / 1000) + this.config.ads.tokenTtlSeconds;
    const token = signDecisionToken(
      {
        d: decisionId,
        c: chosen.creative.id,
        v: viewerKey,
        vid: video?.videoId ?? null,
        cr: video?.creatorId ?? null,
        exp,
      },
      this.config.ads.tokenSecret,
    );
    const { creative } = chosen;
    return {
      decisionId,
      token,
      expiresAt: new Date(exp * 1000).toISOString(),
      placement,
      creative: {
        id: creative.id,
        campaignId: creative.campaignId,
        clickUrl: creative.clickUrl,
        videoId: creative.videoId,
        imageUrl: creative.imageUrl,
      },
    };
  }
}
