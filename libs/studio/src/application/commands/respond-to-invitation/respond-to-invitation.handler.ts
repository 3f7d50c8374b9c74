import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { ChannelTeams } from '../../channel-teams.js';
import { ChannelViews } from '../../channel-views.js';
import { RespondToInvitationCommand } from './respond-to-invitation.command.js';

@CommandHandler(RespondToInvitationCommand)
export class RespondToInvitationHandler implements ICommandHandler<RespondToInvitationCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
  ) {}

  async execute({ userId, channelId, accept }: RespondToInvitationCommand) {
    const channel = await this.unitOfWork.transactional(async () => {
      const found = await this.teams.invitedOrMember(userId, channelId);
      if (accept) found.accept(userId);
      else found.decline(userId);
      return found;
    });
    return accept ? this.views.of(channel) : { declined: true as const };
  }
}
