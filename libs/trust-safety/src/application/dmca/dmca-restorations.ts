import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lib/platform';
import { DmcaNoticeRepository } from '../../domain/dmca/dmca-notice.repository.js';
import { DmcaDecisions } from './dmca-decisions.js';

/** Restores countered material whose time has come; the notice's state, checked under a lock, decides. */
@Injectable()
export class DmcaRestorations {
  constructor(
    private readonly notices: DmcaNoticeRepository,
    private readonly decisions: DmcaDecisions,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** True when this call restored the material (false: not due, already restored, a court action, or another notice). */
  restoreIfDue(noticeId: string): Promise<boolean> {
    return this.unitOfWork.transactional(async () => {
      const notice = await this.notices.byIdForUpdate(noticeId);
      const now = new Date();
      if (!notice?.isDueForRestoration(now)) return false;
      // Another notice still keeps the video down: this one is settled, the material stays down.
      if (await this.notices.othersHoldingDown(notice.videoId, notice.id)) {
        notice.restored(null, now);
        await this.notices.save(notice);
        return false;
      }
      const decision = await this.decisions.decide({
        action: 'restore',
        target: { type: 'video', id: notice.videoId },
        uploaderId: notice.uploaderId,
        rule: 'dmca.counter-notice',
        reason: 'Restored: a counter-notice was filed and the claimant reported no court action in time',
        at: now,
      });
      notice.restored(decision.id, now);
      await this.notices.save(notice);
      return true;
    });
  }

  /** Everything overdue (a lost job, a restart): returns how many were restored. */
  async sweep(): Promise<number> {
    let restored = 0;
    for (const id of await this.notices.dueForRestoration(new Date(), 100)) if (await this.restoreIfDue(id)) restored++;
    return restored;
  }
}
