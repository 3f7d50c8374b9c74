import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '../../../contracts/index.js';
import { addBusinessDays } from '../../../domain/dmca/business-days.js';
import { dmcaHolidays } from '../dmca-holidays.js';
import { checkCounterNotice } from '../../../domain/dmca/dmca-notice.js';
import { DmcaNoticeRepository } from '../../../domain/dmca/dmca-notice.repository.js';
import {
  DmcaCounterNoticeIncompleteError,
  DmcaNoticeNotFoundError,
  NotTheUploaderError,
} from '../../../domain/dmca/dmca.errors.js';
import { counterNoticeMail, DmcaMails } from '../dmca-mails.js';
import { DmcaRestorationQueue } from '../dmca-restoration-queue.js';
import { toDmcaNoticeView } from '../dmca-views.js';
import { FileCounterNoticeCommand } from './file-counter-notice.command.js';

/**
 * The uploader disputes a takedown: the material comes back after the configured business days
 * (10 by default, holidays counted out) unless the claimant reports a court action first; the claimant
 * gets a copy of the counter-notice by e-mail once it is stored.
 */
@CommandHandler(FileCounterNoticeCommand)
export class FileCounterNoticeHandler implements ICommandHandler<FileCounterNoticeCommand> {
  constructor(
    private readonly notices: DmcaNoticeRepository,
    private readonly restorations: DmcaRestorationQueue,
    private readonly mails: DmcaMails,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  execute({ userId, noticeId, input }: FileCounterNoticeCommand) {
    return this.unitOfWork.transactional(async () => {
      const notice = await this.notices.byIdForUpdate(noticeId);
      if (!notice) throw new DmcaNoticeNotFoundError(noticeId);
      if (notice.uploaderId !== userId) throw new NotTheUploaderError();
      const checked = checkCounterNotice(input);
      if (!checked.elements) throw new DmcaCounterNoticeIncompleteError(checked.missing);
      const now = new Date();
      notice.fileCounterNotice(checked.elements, now, this.restoreTime(now));
      await this.notices.save(notice);
      await this.audit.record({
        actorId: userId,
        action: 'trust-safety.dmca.counter-notice-filed',
        target: { type: 'video', id: notice.videoId },
        reason: checked.elements.removedMaterial,
        data: { noticeId, restoreAt: notice.restoreAt!.toISOString() },
      });
      this.unitOfWork.afterCommit(() => this.restorations.schedule(notice.id, notice.restoreAt!));
      this.unitOfWork.afterCommit(() => this.mails.queue(counterNoticeMail(notice, this.config.urls.public)));
      return toDmcaNoticeView(notice);
    });
  }

  private restoreTime(now: Date): Date {
    const { restoreDelaySeconds, restoreBusinessDays, holidays, usFederalHolidays } = this.config.moderation.dmca;
    if (restoreDelaySeconds !== null) return new Date(now.getTime() + restoreDelaySeconds * 1_000);
    // 14 business days at most (config) fit well inside 60 calendar days.
    const horizon = new Date(now.getTime() + 60 * 86_400_000);
    return addBusinessDays(now, restoreBusinessDays, dmcaHolidays(now, horizon, holidays, usFederalHolidays));
  }
}
