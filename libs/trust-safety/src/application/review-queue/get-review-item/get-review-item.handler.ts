import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReportRepository } from '../../../domain/reports/report.repository.js';
import { ReviewItemNotFoundError } from '../../../domain/review-queue/review-item.errors.js';
import { ModerationDecisionRepository } from '../../../domain/actions/moderation-decision.js';
import { ReviewQueue, type ReviewItemDetail } from '../review-queue.js';
import { GetReviewItemQuery } from './get-review-item.query.js';

/** One item with its open reports (moderators see who reported; the subject never does). */
@QueryHandler(GetReviewItemQuery)
export class GetReviewItemHandler implements IQueryHandler<GetReviewItemQuery> {
  constructor(
    private readonly queue: ReviewQueue,
    private readonly reports: ReportRepository,
    private readonly decisions: ModerationDecisionRepository,
  ) {}

  async execute(query: GetReviewItemQuery): Promise<ReviewItemDetail> {
    const item = await this.queue.find(query.itemId);
    if (!item) throw new ReviewItemNotFoundError();
    const reports =
      item.kind === 'report' || item.kind === 'dmca' ? await this.reports.openOn(item.target.type, item.target.id) : [];
    const decision = await this.decisions.byItem(item.id);
    return {
      ...item,
      reports: reports.map((report) => ({
        id: report.id,
        reporterId: report.reporterId,
        category: report.category,
        details: report.details,
        evidence: { ...report.evidence },
        updatedAt: report.updatedAt.toISOString(),
      })),
      decision: decision && {
        id: decision.id,
        action: decision.action,
        moderatorId: decision.moderatorId,
        reason: decision.reason,
        rule: decision.rule,
      },
    };
  }
}
