import { createHash, randomBytes } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { ChannelDirectory } from '@lib/studio/contracts';
import { AuditLog } from '../../../contracts/index.js';
import { checkNotice, DmcaNotice } from '../../../domain/dmca/dmca-notice.js';
import { DmcaNoticeRepository } from '../../../domain/dmca/dmca-notice.repository.js';
import { DmcaMaterialNotFoundError, DmcaNoticeIncompleteError } from '../../../domain/dmca/dmca.errors.js';
import { AccountSanctionRepository } from '../../../domain/standing/account-sanction.js';
import { QueueUpdates } from '../../review-queue/queue-updates.js';
import { ReviewQueue } from '../../review-queue/review-queue.js';
import { DmcaDecisions } from '../dmca-decisions.js';
import { claimantCourtActionPath, counterNoticePath } from '../dmca-views.js';
import { FileDmcaNoticeCommand } from './file-dmca-notice.command.js';

/**
 * A complete notice takes the video down at once (the safe harbour asks for expeditious removal), tells
 * the uploader how to counter it, queues it for moderators and, at the uploader's Nth standing notice,
 * terminates the account as a repeat infringer. The claimant gets a one-time token for court actions.
 */
@CommandHandler(FileDmcaNoticeCommand)
export class FileDmcaNoticeHandler implements ICommandHandler<FileDmcaNoticeCommand> {
  constructor(
    private readonly directory: ChannelDirectory,
    private readonly notices: DmcaNoticeRepository,
    private readonly decisions: DmcaDecisions,
    private readonly sanctions: AccountSanctionRepository,
    private readonly queue: ReviewQueue,
    private readonly updates: QueueUpdates,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async execute({ input }: FileDmcaNoticeCommand) {
    const checked = checkNotice(input);
    if (!checked.elements || !checked.videoId) throw new DmcaNoticeIncompleteError(checked.missing, checked.invalid);
    const { elements, videoId } = checked;
    const video = (await this.directory.videos([videoId])).get(videoId);
    if (!video) throw new DmcaMaterialNotFoundError(elements.location);

    const token = randomBytes(24).toString('base64url');
    return this.unitOfWork.transactional(async () => {
      const now = new Date();
      const noticeId = newId();
      const takedown = await this.decisions.decide({
        action: 'remove',
        target: { type: 'video', id: videoId },
        uploaderId: video.ownerId,
        rule: 'dmca',
        reason:
          `Taken down on a copyright (DMCA) notice about "${elements.copyrightedWork}". If this is a mistake, ` +
          `file a counter-notice: POST ${counterNoticePath(noticeId)}`,
        at: now,
      });
      const notice = new DmcaNotice(
        noticeId,
        videoId,
        video.ownerId,
        'taken-down',
        elements,
        createHash('sha256').update(token).digest('hex'),
        takedown.id,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        now,
      );
      await this.notices.add(notice);
      const itemId = await this.queue.addDmcaNotice({ videoId, uploaderId: video.ownerId, at: now });
      await this.audit.record({
        actorId: null,
        action: 'trust-safety.dmca.notice-received',
        target: { type: 'video', id: videoId },
        reason: elements.copyrightedWork,
        data: { noticeId, decisionId: takedown.id, claimant: elements.contact.name, uploaderId: video.ownerId },
      });
      const ban = await this.banRepeatInfringer(video.ownerId, noticeId, now);
      this.unitOfWork.afterCommit(() => this.updates.changed(itemId));
      return {
        id: noticeId,
        status: notice.status,
        videoId,
        takedownDecisionId: takedown.id,
        repeatInfringerBanned: !!ban,
        createdAt: now.toISOString(),
        // Shown once: the claimant's way to report a court action without an account.
        claimantToken: token,
        courtActionPath: claimantCourtActionPath(noticeId),
      };
    });
  }

  private async banRepeatInfringer(uploaderId: string, noticeId: string, at: Date) {
    const limit = this.config.moderation.dmca.repeatInfringerNotices;
    if ((await this.notices.standingAgainst(uploaderId)) < limit) return null;
    if ((await this.sanctions.of(uploaderId))?.bannedAt) return null;
    return this.decisions.decide({
      action: 'ban',
      target: { type: 'user', id: uploaderId },
      uploaderId,
      rule: 'dmca.repeat-infringer',
      reason: `Account terminated: ${limit} valid copyright (DMCA) notices against your uploads (latest ${noticeId})`,
      at,
    });
  }
}
