import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import { Channel, ChannelRepository } from '../../../domain/channel/channel.js';
import { PersonNotFoundError, StudioPerson } from '../../../domain/people/person.js';
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
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
    private readonly views: ChannelViews,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async execute({ userId, channelId, invitee, role }: InviteMemberCommand) {
    const channel = await this.unitOfWork.transactional(async () => {
      const found = await this.teams.require(userId, channelId, 'viewer');
      const person = await this.find(invitee);
      found.invite(userId, person.userId, role);
      return found;
    });
    const invited = channel.members.at(-1)!;
    this.realtime.toUser(invited.userId, 'studio:invitation', { channelId: channel.id, channelName: channel.name, role: invited.role, invitedBy: userId });
    return this.views.of(channel);
  }

  private async find(invitee: { handle?: string; email?: string }): Promise<StudioPerson> {
    const person = invitee.handle
      ? await this.em.findOne(StudioPerson, { handle: { $ilike: escapeLike(invitee.handle) } })
      : await this.em.findOne(StudioPerson, { email: invitee.email!.toLowerCase() });
    if (!person) throw new PersonNotFoundError(invitee);
    return person;
  }
}

/** `$ilike` treats `%` and `_` as wildcards; handles may contain `_`. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
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
