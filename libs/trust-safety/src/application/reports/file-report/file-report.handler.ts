import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RateLimiter, UnitOfWork, type RatePolicy } from '@lib/platform';
import { Report } from '../../../domain/reports/report.js';
import {
  CannotReportYourselfError,
  InvalidEvidenceError,
  ReportTargetNotFoundError,
} from '../../../domain/reports/report.errors.js';
import { ReportRepository } from '../../../domain/reports/report.repository.js';
import { reporterWeight } from '../../../domain/review-queue/review-item.js';
import { ReviewQueue } from '../../review-queue/review-queue.js';
import { QueueUpdates } from '../../review-queue/queue-updates.js';
import { AccountTrust } from '../../standing/account-trust.js';
import { ReportableTargets } from '../reportable-targets.js';
import { toReportView } from '../report-views.js';
import { FileReportCommand } from './file-report.command.js';

/** Reports per reporter per hour, on any targets (one report per target is kept anyway). */
export const REPORT_RATE: RatePolicy = {
  name: 'trust-safety-reports',
  points: 20,
  windowSeconds: 3_600,
  code: 'trust-safety.report.rate-limited',
  message: 'Too many reports; try again later',
};

/**
 * A member reports something they can see. The report joins the target's open queue item (one per
 * target), weighted by the reporter's trust; the same reporter reporting again updates their report.
 */
@CommandHandler(FileReportCommand)
export class FileReportHandler implements ICommandHandler<FileReportCommand> {
  constructor(
    private readonly targets: ReportableTargets,
    private readonly reports: ReportRepository,
    private readonly queue: ReviewQueue,
    private readonly trust: AccountTrust,
    private readonly rateLimiter: RateLimiter,
    private readonly unitOfWork: UnitOfWork,
    private readonly updates: QueueUpdates,
  ) {}

  async execute(command: FileReportCommand) {
    await this.rateLimiter.consume(REPORT_RATE, command.reporterId);
    const subjectUserId = await this.targets.ownerIfVisible(command.target.type, command.target.id, command.reporterId);
    if (!subjectUserId) throw new ReportTargetNotFoundError();
    if (subjectUserId === command.reporterId) throw new CannotReportYourselfError();
    await this.checkEvidence(command);

    const weight = reporterWeight(await this.trust.levelOf(command.reporterId));
    const now = new Date();
    return this.unitOfWork.transactional(async () => {
      const report = await this.reports.upsert(
        Report.file({
          reporterId: command.reporterId,
          targetType: command.target.type,
          targetId: command.target.id.toLowerCase(),
          subjectUserId,
          category: command.category,
          reporterWeight: weight,
          details: command.details,
          evidence: command.evidence,
          at: now,
        }),
      );
      const itemId = await this.queue.addReport(report, now);
      this.unitOfWork.afterCommit(() => this.updates.changed(itemId));
      return toReportView(report);
    });
  }

  /** Evidence must point inside the target: messages the reporter can read, a range of the reported video. */
  private async checkEvidence({ target, evidence, reporterId }: FileReportCommand): Promise<void> {
    if (evidence.videoRange) {
      if (target.type !== 'video') throw new InvalidEvidenceError('A time range only applies to a reported video');
      if (evidence.videoRange.fromSeconds >= evidence.videoRange.toSeconds)
        throw new InvalidEvidenceError('The time range must end after it starts');
    }
    for (const messageId of evidence.messageIds ?? []) {
      if (!(await this.targets.ownerIfVisible('message', messageId, reporterId)))
        throw new InvalidEvidenceError(`Message ${messageId} is not one you can see`);
    }
  }
}
