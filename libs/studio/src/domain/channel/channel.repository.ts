import type { Channel } from './channel.js';

export abstract class ChannelRepository {
  abstract byId(id: string): Promise<Channel | null>;
  /** Channels the user is on, as a member or invited, oldest first. */
  abstract ofMember(userId: string): Promise<Channel[]>;
  /** Channels holding an invitation that waits for an account with this address. */
  abstract withEmailInvitationFor(email: string): Promise<Channel[]>;
  abstract add(channel: Channel): void;
}
