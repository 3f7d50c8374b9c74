export const DMCA_RESTORATION_QUEUE = 'trust-safety.dmca-restorations';

/** A job per notice: `noticeId`; the repeating sweep has none. */
export interface DmcaRestorationJob {
  noticeId?: string;
}

/**
 * Wakes the restoration of a counter-noticed notice at its time. The notice row is the schedule; the
 * job only wakes it, and a sweep catches anything a lost job missed (as scheduled publishing does).
 */
export abstract class DmcaRestorationQueue {
  abstract schedule(noticeId: string, at: Date): Promise<void>;
}
