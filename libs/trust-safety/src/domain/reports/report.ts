import { newId } from '@lib/platform/ddd';

/** What a member can report: the content types whose owning context answers "does it exist, may this person see it". */
export const REPORTABLE_TYPES = ['user', 'channel', 'video', 'message'] as const;
export type ReportableType = (typeof REPORTABLE_TYPES)[number];

export const REPORT_CATEGORIES = [
  'spam',
  'harassment',
  'hate',
  'sexual-content',
  'violence',
  'self-harm',
  'impersonation',
  'copyright',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** How much harm a category can do, 1..5: it multiplies the queue priority and shortens the due time. */
export const CATEGORY_SEVERITY: Record<ReportCategory, number> = {
  'self-harm': 5,
  violence: 4,
  hate: 4,
  'sexual-content': 4,
  harassment: 3,
  impersonation: 2,
  copyright: 2,
  spam: 1,
  other: 1,
};

/** What the reporter points at: message ids in a conversation, a stretch of a video. */
export interface ReportEvidence {
  messageIds?: string[];
  videoRange?: { fromSeconds: number; toSeconds: number };
}

export type ReportStatus = 'open' | 'resolved';

/**
 * One member's report on one target. Reporting the same target again updates this report (and
 * reopens it) instead of adding another, so a flood from one account counts once.
 */
export class Report {
  constructor(
    readonly id: string,
    readonly reporterId: string,
    readonly targetType: ReportableType,
    readonly targetId: string,
    readonly subjectUserId: string,
    public category: ReportCategory,
    /** The reporter's weight when they reported (from their trust level). */
    public reporterWeight: number,
    public details: string,
    public evidence: ReportEvidence,
    public status: ReportStatus,
    public outcome: string | null,
    readonly createdAt: Date,
    public updatedAt: Date,
    public resolvedAt: Date | null,
  ) {}

  static file(input: {
    reporterId: string;
    targetType: ReportableType;
    targetId: string;
    subjectUserId: string;
    category: ReportCategory;
    reporterWeight: number;
    details: string;
    evidence: ReportEvidence;
    at: Date;
  }): Report {
    return new Report(
      newId(),
      input.reporterId,
      input.targetType,
      input.targetId,
      input.subjectUserId,
      input.category,
      input.reporterWeight,
      input.details,
      input.evidence,
      'open',
      null,
      input.at,
      input.at,
      null,
    );
  }
}
