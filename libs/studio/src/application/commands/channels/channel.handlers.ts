import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { RateLimiter, RealtimeEmitter, UnitOfWork, type RatePolicy } from '@lib/platform';
import { Channel, ChannelRepository, type InvitableRole, type Member } from '../../../domain/channel/channel.js';
import { PersonNotFoundError } from '../../../domain/people/person.js';
import { PersonRepository } from '../../../domain/people/person.repository.js';
import { ChannelTeams } from '../../channel-teams.js';
import { ChannelViews } from '../../queries/channels/channel.views.js';
import {
  ChangeMemberRoleCommand,
  CreateChannelCommand,
  InviteMemberCommand,
  RemoveMemberCommand,
  RespondToInvitationCommand,
  TransferOwnershipCommand,
  UpdateChannelCommand,
  WithdrawEmailInvitationCommand,
} from './channel.commands.js';

@CommandHandler(CreateChannelCommand)
export class CreateChannelHandler implements ICommandHandler<CreateChannelCommand> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
  ) {}

  async execute({ userId, name, description }: CreateChannelCommand) {
    const channel = Channel.create(userId, name, description);
    await this.unitOfWork.transactional(async () => this.channels.add(channel));
    return this.views.of(channel);
  }
}

@CommandHandler(UpdateChannelCommand)
export class UpdateChannelHandler implements ICommandHandler<UpdateChannelCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
  ) {}

  async execute({ userId, channelId, changes }: UpdateChannelCommand) {
    const channel = await this.unitOfWork.transactional(async () => {
      const found = await this.teams.require(userId, channelId, 'viewer');
      found.rename(userId, changes);
      return found;
    });
    return this.views.of(channel);
  }
}

@CommandHandler(InviteMemberCommand)
export class InviteMemberHandler implements ICommandHandler<InviteMemberCommand> {
  private readonly ratePolicy: RatePolicy;

  constructor(
    private readonly teams: ChannelTeams,
    private readonly people: PersonRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
    private readonly realtime: RealtimeEmitter,
    private readonly rateLimiter: RateLimiter,
    config: AppConfig,
  ) {
    this.ratePolicy = {
      name: 'studio-invitations',
      ...config.studio.invitationRate,
      code: 'studio.invitation.rate-limited',
      message: 'Too many invitations sent; try again later',
    };
  }

  async execute({ userId, channelId, invitee, role }: InviteMemberCommand) {
    await this.rateLimiter.consume(this.ratePolicy, userId);
    const { channel, invited } = await this.unitOfWork.transactional(async () => {
      const found = await this.teams.require(userId, channelId, 'viewer');
      if (invitee.email !== undefined) return { channel: found, invited: await this.inviteByEmail(found, userId, invitee.email, role) };
      const person = await this.people.byHandle(invitee.handle!);
      if (!person) throw new PersonNotFoundError(invitee);
      return { channel: found, invited: found.invite(userId, person.userId, role) };
    });
    if (invited) this.realtime.toUser(invited.userId, 'studio:invitation', { channelId: channel.id, channelName: channel.name, role: invited.role, invitedBy: userId });
    return this.views.of(channel);
  }

  /** Same answer whether the address has an account or not: no one learns who is registered. */
  private async inviteByEmail(channel: Channel, userId: string, rawEmail: string, role: InvitableRole): Promise<Member | null> {
    const email = rawEmail.trim().toLowerCase();
    await this.people.lockEmail(email);
    const person = await this.people.byEmail(email);
    return channel.inviteByEmail(userId, email, person?.userId ?? null, role);
  }
}

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

@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, channelId, memberId }: RemoveMemberCommand) {
    await this.unitOfWork.transactional(async () => {
      const channel = await this.teams.require(userId, channelId, 'viewer');
      channel.remove(userId, memberId);
    });
    return { removed: true as const };
  }
}

@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler implements ICommandHandler<ChangeMemberRoleCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
  ) {}

  async execute({ userId, channelId, memberId, role }: ChangeMemberRoleCommand) {
    const channel = await this.unitOfWork.transactional(async () => {
      const found = await this.teams.require(userId, channelId, 'viewer');
      found.changeRole(userId, memberId, role);
      return found;
    });
    return this.views.of(channel);
  }
}

@CommandHandler(TransferOwnershipCommand)
export class TransferOwnershipHandler implements ICommandHandler<TransferOwnershipCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
  ) {}

  async execute({ userId, channelId, toUserId }: TransferOwnershipCommand) {
    const channel = await this.unitOfWork.transactional(async () => {
      const found = await this.teams.require(userId, channelId, 'viewer');
      found.transferOwnership(userId, toUserId);
      return found;
    });
    return this.views.of(channel);
  }
}
