import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { RateLimiter, RealtimeEmitter, UnitOfWork, type RatePolicy } from '@lib/platform';
import { Channel, type Member } from '../../../domain/channel/channel.js';
import { type InvitableRole } from '../../../domain/channel/team-role.js';
import { PersonNotFoundError } from '../../../domain/people/person.js';
import { PersonRepository } from '../../../domain/people/person.repository.js';
import { ChannelTeams } from '../../channel-teams.js';
import { ChannelViews } from '../../channel-views.js';
import { InviteMemberCommand } from './invite-member.command.js';
import { CHANNEL_INVITATION } from '../../realtime-events.js';

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
    const { channel, invited } = await this.unitOfWork.transactional(
      async () => {
        const found = await this.teams.requireToWork(userId, channelId, 'viewer');
        if (invitee.email !== undefined)
          return { channel: found, invited: await this.inviteByEmail(found, userId, invitee.email, role) };
        const person = await this.people.byHandle(invitee.handle!);
        if (!person) throw new PersonNotFoundError(invitee);
        return { channel: found, invited: found.invite(userId, person.userId, role) };
      },
      // A registration claiming an earlier e-mail invitation may save the same channel at the same moment.
      { conflictRetries: 3 },
    );
    if (invited)
      this.realtime.toUser(invited.userId, CHANNEL_INVITATION, {
        channelId: channel.id,
        channelName: channel.name,
        role: invited.role,
        invitedBy: userId,
      });
    return this.views.of(channel);
  }

  /** Same answer whether the address has an account or not: no one learns who is registered. */
  private async inviteByEmail(
    channel: Channel,
    userId: string,
    rawEmail: string,
    role: InvitableRole,
  ): Promise<Member | null> {
    const email = rawEmail.trim().toLowerCase();
    await this.people.lockEmail(email);
    const person = await this.people.byEmail(email);
    return channel.inviteByEmail(userId, email, person?.userId ?? null, role);
  }
}
