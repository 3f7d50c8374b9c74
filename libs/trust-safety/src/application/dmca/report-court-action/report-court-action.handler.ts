import { createHash, timingSafeEqual } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '../../../contracts/index.js';
import { DmcaNoticeRepository } from '../../../domain/dmca/dmca-notice.repository.js';
import { DmcaClaimantTokenInvalidError, DmcaNoticeNotFoundError } from '../../../domain/dmca/dmca.errors.js';
import { toDmcaNoticeView } from '../dmca-views.js';
import { ReportCourtActionCommand } from './report-court-action.command.js';

/** A court action keeps the material down: the scheduled restoration finds the notice no longer due. */
@CommandHandler(ReportCourtActionCommand)
export class ReportCourtActionHandler implements ICommandHandler<ReportCourtActionCommand> {
  constructor(
    private readonly notices: DmcaNoticeRepository,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute({ noticeId, reporter, details }: ReportCourtActionCommand) {
    return this.unitOfWork.transactional(async () => {
      // Locked: a restoration due at this very moment either ran first or finds the court action.
      const notice = await this.notices.byIdForUpdate(noticeId);
      if (!notice) throw new DmcaNoticeNotFoundError(noticeId);
      const moderatorId = 'moderatorId' in reporter ? reporter.moderatorId : null;
      if (
        !moderatorId &&
        !this.tokenMatches(notice.claimantTokenHash, (reporter as { claimantToken: string }).claimantToken)
      )
        throw new DmcaClaimantTokenInvalidError();
      notice.reportCourtAction(
        { reportedBy: moderatorId ? 'moderator' : 'claimant', actorId: moderatorId, details: details.trim() },
        new Date(),
      );
      await this.notices.save(notice);
      await this.audit.record({
        actorId: moderatorId,
        action: 'trust-safety.dmca.court-action-reported',
        target: { type: 'video', id: notice.videoId },
        reason: details.trim(),
        data: { noticeId, reportedBy: moderatorId ? 'moderator' : 'claimant' },
      });
      return toDmcaNoticeView(notice);
    });
  }

  private tokenMatches(storedHash: string, token: string): boolean {
    const given = Buffer.from(createHash('sha256').update(token).digest('hex'));
    const stored = Buffer.from(storedHash);
    return given.length === stored.length && timingSafeEqual(given, stored);
  }
}
