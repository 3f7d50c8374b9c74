import type { ReportableType } from '../../domain/reports/report.js';

/**
 * Asks each target's owning context whether it exists and the reporter may see it. The answer is the
 * user responsible for it (the account itself, the channel owner, the video's creator, the sender),
 * or null for "not there": unknown and invisible look the same.
 */
export abstract class ReportableTargets {
  abstract ownerIfVisible(type: ReportableType, id: string, viewerId: string): Promise<string | null>;
}
