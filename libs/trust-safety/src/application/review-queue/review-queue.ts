import type { Report } from '../../domain/reports/report.js';
import type { ReviewItemKind } from '../../domain/review-queue/review-item.js';

/** A non-allow screening verdict on stored content, as the queue takes it. */
export interface PendingScreening {
  contentType: string;
  contentId: string;
  authorId: string;
  action: 'flag' | 'hold' | 'hide';
  rule: string;
  createdAt: Date;
}

/** One queue item as moderators see it. */
export interface ReviewItemView {
  id: string;
  kind: ReviewItemKind;
  target: { type: string; id: string };
  subjectUserId: string | null;
  /** The most severe category reported (or the screening rule's surface). */
  category: string;
  severity: number;
  reportCount: number;
  reporterWeight: number;
  /** severity × summed reporter weight × recency, as of the page's `asOf`. */
  priority: number;
  status: 'open' | 'resolved';
  claimedBy: string | null;
  claimedAt: string | null;
  dueAt: string;
  /** Still open past its due time. */
  breached: boolean;
  createdAt: string;
  lastActivityAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

/** One item with its open reports (who reported is for moderators only) and its decision. */
export interface ReviewItemDetail extends ReviewItemView {
  reports: Array<{
    id: string;
    reporterId: string;
    category: string;
    details: string;
    evidence: Record<string, unknown>;
    updatedAt: string;
  }>;
  decision: { id: string; action: string; moderatorId: string | null; reason: string; rule: string | null } | null;
}

export interface QueueFilter {
  status: 'open' | 'resolved';
  kind?: ReviewItemKind;
  category?: string;
  targetType?: string;
  /** `mine`: claimed by the caller; `unclaimed`; or a moderator's id. */
  claimedBy?: string;
  /** Only items past their due time. */
  breached?: boolean;
}

export interface QueuePage {
  items: ReviewItemView[];
  nextCursor?: string;
  /** Open items past their due time, over the whole queue. */
  breachedCount: number;
}

/** The review queue's storage: one open item per target and kind, ordered by priority. */
export abstract class ReviewQueue {
  /** Queues a held, hidden or flagged text from screening (kind `screening`); returns the item id. */
  abstract addScreening(screening: PendingScreening): Promise<string>;
  /** Queues a DMCA takedown for review (kind `dmca`, on the video), joining the video's open copyright item. */
  abstract addDmcaNotice(notice: { videoId: string; uploaderId: string; at: Date }): Promise<string>;
  /** Adds the report to its target's open item (creating it); returns the item id. */
  abstract addReport(report: Report, at: Date): Promise<string>;
  /** Priority order is computed as of the first page's time, carried in the cursor, so pages never shift. */
  abstract page(filter: QueueFilter, limit: number, cursor?: string): Promise<QueuePage>;
  abstract find(itemId: string): Promise<ReviewItemView | null>;
  /** Locks the item for the rest of the transaction (two moderators acting at once decide once). */
  abstract findForUpdate(itemId: string): Promise<ReviewItemView | null>;
  abstract claim(itemId: string, moderatorId: string, at: Date): Promise<void>;
  abstract release(itemId: string): Promise<void>;
  abstract resolve(itemId: string, moderatorId: string | null, resolution: string, at: Date): Promise<void>;
}
