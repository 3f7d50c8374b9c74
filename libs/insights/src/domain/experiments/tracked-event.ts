import { ANY_UUID, type Rejection, type ValidClientEvent } from '../client-event.js';
import { SURFACE } from './experiment.js';

/** Impression ids come from the recommender: opaque, but short and printable. */
const IMPRESSION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export const MAX_SHOWN_VIDEOS = 100;

export const EXPOSURE_EVENT = 'experiment_exposure';
export const IMPRESSION_EVENT = 'recommendation_impression';
export const CLICK_EVENT = 'recommendation_click';

/** A list of recommendations shown (`experiment_exposure` when it was an experiment's variant). */
export interface ImpressionClaim {
  type: 'impression';
  index: number;
  eventId: string;
  impressionId: string;
  surface: string;
  experiment: { id: string; arm: string } | null;
  videoIds: string[];
  at: Date;
}

/** A click, watch start or completion that names the impression it came from. */
export interface ConversionClaim {
  type: 'conversion';
  index: number;
  eventId: string;
  impressionId: string;
  kind: 'click' | 'watch_start' | 'completion';
  videoId: string;
  at: Date;
}

const invalid = (event: ValidClientEvent, message: string): Rejection => ({
  index: event.index,
  code: 'insights.event.invalid-recommendation',
  message,
});

/**
 * What an event says about recommendations and experiments: an impression (refused when malformed),
 * a conversion, or nothing. Video starts and completions with a malformed `impressionId` are kept
 * as plain video events (a view is not refused for its attribution).
 */
export function readTrackedEvent(event: ValidClientEvent): ImpressionClaim | ConversionClaim | Rejection | null {
  const props = event.properties;
  if (event.name === EXPOSURE_EVENT || event.name === IMPRESSION_EVENT) {
    if (typeof props.impressionId !== 'string' || !IMPRESSION_ID.test(props.impressionId))
      return invalid(event, 'properties.impressionId must be 1-128 letters, digits, . _ : or -');
    if (typeof props.surface !== 'string' || !SURFACE.test(props.surface))
      return invalid(event, 'properties.surface must name a surface such as recommendations.home');
    const videoIds = props.videoIds;
    if (
      !Array.isArray(videoIds) ||
      !videoIds.length ||
      videoIds.length > MAX_SHOWN_VIDEOS ||
      !videoIds.every((id) => typeof id === 'string' && ANY_UUID.test(id))
    )
      return invalid(event, `properties.videoIds must list 1-${MAX_SHOWN_VIDEOS} video ids (UUIDs)`);
    let experiment: ImpressionClaim['experiment'] = null;
    if (event.name === EXPOSURE_EVENT) {
      if (typeof props.experimentId !== 'string' || !ANY_UUID.test(props.experimentId))
        return invalid(event, 'properties.experimentId must be a UUID');
      if (typeof props.arm !== 'string' || !props.arm.length || props.arm.length > 32)
        return invalid(event, 'properties.arm must name the arm shown');
      experiment = { id: props.experimentId.toLowerCase(), arm: props.arm };
    }
    return {
      type: 'impression',
      index: event.index,
      eventId: event.eventId,
      impressionId: props.impressionId,
      surface: props.surface,
      experiment,
      videoIds: [...new Set(videoIds.map((id: string) => id.toLowerCase()))],
      at: event.occurredAt,
    };
  }
  const kind =
    event.name === CLICK_EVENT
      ? 'click'
      : event.name === 'video_start'
        ? 'watch_start'
        : event.name === 'video_complete'
          ? 'completion'
          : null;
  if (!kind) return null;
  const impressionId = typeof props.impressionId === 'string' && IMPRESSION_ID.test(props.impressionId);
  if (kind === 'click' && (!impressionId || !event.videoId))
    return invalid(event, 'recommendation_click needs the videoId clicked and properties.impressionId');
  if (!impressionId || !event.videoId) return null;
  return {
    type: 'conversion',
    index: event.index,
    eventId: event.eventId,
    impressionId: props.impressionId as string,
    kind,
    videoId: event.videoId,
    at: event.occurredAt,
  };
}
