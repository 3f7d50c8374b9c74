import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { ChannelTeams } from '../../channel-teams.js';
import { ChannelViews } from '../../channel-views.js';
import { WithdrawEmailInvitationCommand } from './withdraw-email-invitation.command.js';

@CommandHandler(WithdrawEmailInvitationCommand)
export class WithdrawEmailInvitationHandler implements ICommandHandler<WithdrawEmailInvitationCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
  ) {}

  async execute({ userId, channelId, email }: WithdrawEmailInvitationCommand) {
    const channel = await this.unitOfWork.transactional(async () => {
      const found = await this.teams.require(userId, channelId, 'viewer');
      found.withdrawEmailInvitation(userId, email.trim().toLowerCase());
      return found;
    });
    return this.views.of(channel);
  }
}
