import type { DmcaNotice, DmcaStatus } from './dmca-notice.js';

export abstract class DmcaNoticeRepository {
  abstract add(notice: DmcaNotice): Promise<void>;
  abstract save(notice: DmcaNotice): Promise<void>;
  abstract byId(id: string): Promise<DmcaNotice | null>;
  /** Locks the notice for the rest of the transaction (restoration and court action never cross). */
  abstract byIdForUpdate(id: string): Promise<DmcaNotice | null>;
  /** Notices against the uploader that still stand (not undone by a counter-notice and restoration). */
  abstract standingAgainst(uploaderId: string): Promise<number>;
  /** Other notices on the video that still keep it down (taken down, countered and waiting, or in court). */
  abstract othersHoldingDown(videoId: string, exceptId: string): Promise<number>;
  /** Counter-noticed notices whose restoration time has come. */
  abstract dueForRestoration(now: Date, limit: number): Promise<string[]>;
  /** Newest first, keyed by (createdAt, id). */
  abstract page(
    filter: { status?: DmcaStatus; uploaderId?: string; videoId?: string },
    limit: number,
    after?: { createdAt: Date; id: string },
  ): Promise<DmcaNotice[]>;
}
