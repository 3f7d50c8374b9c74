import { Injectable } from '@nestjs/common';
import { MessageVisibility } from '@lib/engagement/contracts';
import { AccountDirectory } from '@lib/identity/contracts';
import { ChannelDirectory } from '@lib/studio/contracts';
import { ReportableTargets } from '../../application/reports/reportable-targets.js';
import type { ReportableType } from '../../domain/reports/report.js';

/** Asks each owning context through its contract port; trust & safety reads no other context's tables. */
@Injectable()
export class ContextReportableTargets extends ReportableTargets {
  constructor(
    private readonly accounts: AccountDirectory,
    private readonly studio: ChannelDirectory,
    private readonly messages: MessageVisibility,
  ) {
    super();
  }

  async ownerIfVisible(type: ReportableType, id: string, viewerId: string): Promise<string | null> {
    switch (type) {
      case 'user':
        return (await this.accounts.accountOf(id))?.userId ?? null;
      case 'channel':
        return this.studio.ownerOf(id);
      case 'video':
        return (await this.studio.videoVisibleTo(id, viewerId))?.ownerId ?? null;
      case 'message':
        return (await this.messages.messageVisibleTo(id, viewerId))?.senderId ?? null;
    }
  }
}
