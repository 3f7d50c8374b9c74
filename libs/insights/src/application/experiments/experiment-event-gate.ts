import { Injectable } from '@nestjs/common';
import type { Rejection, ValidClientEvent } from '../../domain/client-event.js';
import { ATTRIBUTION_WINDOW_MS, ExperimentRepository, subjectKey } from '../../domain/experiments/experiment.js';
import {
  readTrackedEvent,
  type ConversionClaim,
  type ImpressionClaim,
} from '../../domain/experiments/tracked-event.js';
import { ExperimentTracking } from './experiment-tracking.js';

const isRejection = (claim: ImpressionClaim | ConversionClaim | Rejection): claim is Rejection => 'code' in claim;

export interface ScreenedBatch {
  kept: ValidClientEvent[];
  rejected: Rejection[];
  impressions: Array<ImpressionClaim & { subject: string }>;
  conversions: Array<ConversionClaim & { subject: string }>;
}

/**
 * Ingestion's gate for recommendation impressions, experiment exposures and their conversions.
 * An exposure is kept only if its experiment runs on the surface it names and its arm is the
 * subject's own deterministic assignment: a forged arm is refused and counts nothing.
 */
@Injectable()
export class ExperimentEventGate {
  constructor(
    private readonly experiments: ExperimentRepository,
    private readonly tracking: ExperimentTracking,
  ) {}

  async screen(events: ValidClientEvent[], userId: string | null): Promise<ScreenedBatch> {
    const batch: ScreenedBatch = { kept: [], rejected: [], impressions: [], conversions: [] };
    const claims = events.map((event) => ({ event, claim: readTrackedEvent(event) }));
    const ids = [
      ...new Set(
        claims.flatMap(({ claim }) =>
          claim && !isRejection(claim) && claim.type === 'impression' && claim.experiment ? [claim.experiment.id] : [],
        ),
      ),
    ];
    const experiments = new Map((ids.length ? await this.experiments.byIds(ids) : []).map((e) => [e.id, e]));
    for (const { event, claim } of claims) {
      // The subject is the token's user, else the player's session (the anonymous id recommendations assign).
      const subject = subjectKey({ personId: userId, anonymousId: event.sessionId }) as string;
      if (claim && isRejection(claim)) {
        batch.rejected.push(claim);
        continue;
      }
      if (claim?.type === 'impression' && claim.experiment) {
        const experiment = experiments.get(claim.experiment.id);
        if (!experiment || experiment.status !== 'running' || experiment.surface !== claim.surface) {
          batch.rejected.push({
            index: event.index,
            code: 'insights.event.unknown-experiment',
            message: `No experiment ${claim.experiment.id} is running on '${claim.surface}'`,
          });
          continue;
        }
        if (experiment.armOf(subject) !== claim.experiment.arm) {
          batch.rejected.push({
            index: event.index,
            code: 'insights.event.arm-mismatch',
            message: 'The arm reported is not the one this viewer is assigned to',
          });
          continue;
        }
      }
      batch.kept.push(event);
      if (claim?.type === 'impression') batch.impressions.push({ ...claim, subject });
      else if (claim?.type === 'conversion') batch.conversions.push({ ...claim, subject });
    }
    return batch;
  }

  /**
   * Records the batch's impressions, then its conversions (so a click in the same batch as its
   * exposure counts). Idempotent, and run for duplicates too: a retried batch heals a failed run.
   */
  async record(batch: ScreenedBatch): Promise<void> {
    if (batch.impressions.length)
      await this.tracking.recordImpressions(
        batch.impressions.map((claim) => ({
          impressionId: claim.impressionId,
          experimentId: claim.experiment?.id ?? null,
          arm: claim.experiment?.arm ?? null,
          surface: claim.surface,
          subject: claim.subject,
          videoIds: claim.videoIds,
          at: claim.at,
          eventId: claim.eventId,
        })),
      );
    if (batch.conversions.length)
      await this.tracking.recordConversions(
        batch.conversions.map((claim) => ({
          impressionId: claim.impressionId,
          kind: claim.kind,
          videoId: claim.videoId,
          subject: claim.subject,
          at: claim.at,
          eventId: claim.eventId,
        })),
        ATTRIBUTION_WINDOW_MS,
      );
  }
}
