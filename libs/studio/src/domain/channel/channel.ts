import { AggregateRoot, newId } from '@lib/platform/ddd';
import { NO_BRANDING, type BrandingImage, type BrandingImageKind, type ChannelBranding } from './branding.js';
import { ChannelCreated } from './channel.events.js';
import {
  AlreadyMemberError,
  CannotInviteSelfError,
  ChannelNotFoundError,
  ChannelRoleRequiredError,
  InvitationNotFoundError,
  MemberNotFoundError,
  OwnerCannotLeaveError,
} from './channel.errors.js';
import { ROLE_RANK, type InvitableRole, type TeamRole } from './team-role.js';

export interface Member {
  userId: string;
  role: TeamRole;
  /** `invited` until the person accepts; invited people are not members yet. */
  status: 'invited' | 'active';
  invitedBy: string | null;
  invitedAt: string;
  joinedAt: string | null;
  /** Set while an invitation sent to an e-mail address waits: the team sees the address, not whose account it is. */
  email?: string;
}

/** An invitation to an address no account has yet; it becomes a member invitation when someone registers with it. */
export interface EmailInvitation {
  email: string;
  role: InvitableRole;
  invitedBy: string;
  invitedAt: string;
}

/**
 * A creator's channel and its team. The team lives inside the aggregate (a handful of people), so
 * "exactly one owner" and every role change are checked in one place under one version.
 */
export class Channel extends AggregateRoot {
  readonly id: string;
  name: string;
  description: string;
  ownerId: string;
  members: Member[];
  emailInvitations: EmailInvitation[];
  /** Null until someone brands the channel; shown publicly only while the owner's plan has `custom_branding`. */
  branding: ChannelBranding | null;
  readonly createdAt: Date;
  updatedAt: Date;

  private constructor(ownerId: string, name: string, description: string) {
    super();
    this.id = newId();
    this.ownerId = ownerId;
    this.name = name;
    this.description = description;
    const now = new Date();
    this.createdAt = now;
    this.updatedAt = now;
    this.members = [
      {
        userId: ownerId,
        role: 'owner',
        status: 'active',
        invitedBy: null,
        invitedAt: now.toISOString(),
        joinedAt: now.toISOString(),
      },
    ];
    this.emailInvitations = [];
    this.branding = null;
  }

  static create(ownerId: string, name: string, description = ''): Channel {
    const channel = new Channel(ownerId, name, description);
    channel.record(new ChannelCreated(channel.id, ownerId, name));
    return channel;
  }

  /** The active member's role, or null (invited people have none yet). */
  roleOf(userId: string): TeamRole | null {
    const member = this.members.find((candidate) => candidate.userId === userId);
    return member?.status === 'active' ? member.role : null;
  }

  /** Throws not-found for outsiders (the channel's existence is not revealed) and 403 for a too-low role. */
  require(userId: string, minimum: TeamRole): TeamRole {
    const role = this.roleOf(userId);
    if (!role) throw new ChannelNotFoundError(this.id);
    if (ROLE_RANK[role] < ROLE_RANK[minimum]) throw new ChannelRoleRequiredError(minimum, role);
    return role;
  }

  activeMemberIds(): string[] {
    return this.members.filter((member) => member.status === 'active').map((member) => member.userId);
  }

  hasInvitation(userId: string): boolean {
    return this.members.some((member) => member.userId === userId && member.status === 'invited');
  }

  rename(actorId: string, changes: { name?: string; description?: string }): void {
    this.require(actorId, 'owner');
    if (changes.name !== undefined) this.name = changes.name;
    if (changes.description !== undefined) this.description = changes.description;
    this.touch();
  }

  /** Accent colour and tagline, replaced together (null clears one); the images are kept. Editors may brand. */
  brand(actorId: string, settings: { accentColor: string | null; tagline: string | null }): ChannelBranding {
    this.require(actorId, 'editor');
    return this.changeBranding({ accentColor: settings.accentColor, tagline: settings.tagline });
  }

  /** Puts an image in place; returns the one it replaces (its file is deleted once this commits). */
  setBrandingImage(actorId: string, kind: BrandingImageKind, image: BrandingImage): BrandingImage | null {
    this.require(actorId, 'editor');
    const replaced = this.branding?.[kind] ?? null;
    this.changeBranding({ [kind]: image });
    return replaced;
  }

  /** Takes an image down; returns it (null when there was none). */
  removeBrandingImage(actorId: string, kind: BrandingImageKind): BrandingImage | null {
    this.require(actorId, 'editor');
    const removed = this.branding?.[kind] ?? null;
    if (removed) this.changeBranding({ [kind]: null });
    return removed;
  }

  /** Takes all branding down; returns the images whose files go with it. */
  clearBranding(actorId: string): BrandingImage[] {
    this.require(actorId, 'editor');
    const images = [this.branding?.banner, this.branding?.logo].filter((image): image is BrandingImage => !!image);
    if (this.branding) {
      this.branding = null;
      this.touch();
    }
    return images;
  }

  private changeBranding(changes: Partial<ChannelBranding>): ChannelBranding {
    const next = { ...(this.branding ?? NO_BRANDING), ...changes };
    // Nothing left is the same as never branded.
    this.branding = Object.values(next).some((value) => value !== null) ? next : null;
    this.touch();
    return this.branding ?? NO_BRANDING;
  }

  /** Inviting again while the invitation is pending changes its role. */
  invite(actorId: string, inviteeId: string, role: InvitableRole): Member {
    this.require(actorId, 'owner');
    if (inviteeId === actorId) throw new CannotInviteSelfError();
    const existing = this.members.find((member) => member.userId === inviteeId);
    if (existing?.status === 'active') throw new AlreadyMemberError(inviteeId);
    const invitation: Member = {
      userId: inviteeId,
      role,
      status: 'invited',
      invitedBy: actorId,
      invitedAt: new Date().toISOString(),
      joinedAt: null,
    };
    this.members = [...this.members.filter((member) => member.userId !== inviteeId), invitation];
    this.touch();
    return invitation;
  }

  /**
   * Invites whoever owns `email`, answering the same whether an account has it or not: `inviteeId`
   * is that account (null: none yet, the invitation waits for a registration). An address that is
   * already an active member's changes nothing, silently, for the same reason.
   * Returns the member invitation when one was made (to tell the invitee).
   */
  inviteByEmail(actorId: string, email: string, inviteeId: string | null, role: InvitableRole): Member | null {
    this.require(actorId, 'owner');
    if (inviteeId === actorId) throw new CannotInviteSelfError();
    if (inviteeId && this.roleOf(inviteeId)) return null;
    const invitedAt = new Date().toISOString();
    this.emailInvitations = this.emailInvitations.filter((pending) => pending.email !== email);
    this.touch();
    if (!inviteeId) {
      this.emailInvitations = [...this.emailInvitations, { email, role, invitedBy: actorId, invitedAt }];
      return null;
    }
    const invitation: Member = {
      userId: inviteeId,
      role,
      status: 'invited',
      invitedBy: actorId,
      invitedAt,
      joinedAt: null,
      email,
    };
    this.members = [...this.members.filter((member) => member.userId !== inviteeId), invitation];
    return invitation;
  }

  /** Someone registered with an address invited here: the waiting invitation becomes theirs. False if there was none. */
  claimEmailInvitation(email: string, userId: string): boolean {
    const pending = this.emailInvitations.find((candidate) => candidate.email === email);
    if (!pending) return false;
    this.emailInvitations = this.emailInvitations.filter((candidate) => candidate !== pending);
    if (!this.members.some((member) => member.userId === userId)) {
      this.members = [
        ...this.members,
        {
          userId,
          role: pending.role,
          status: 'invited',
          invitedBy: pending.invitedBy,
          invitedAt: pending.invitedAt,
          joinedAt: null,
          email,
        },
      ];
    }
    this.touch();
    return true;
  }

  /** The owner withdraws an invitation sent to an address, whether or not someone has the account. */
  withdrawEmailInvitation(actorId: string, email: string): void {
    this.require(actorId, 'owner');
    const pending = this.emailInvitations.some((candidate) => candidate.email === email);
    const invited = this.members.some((member) => member.status === 'invited' && member.email === email);
    if (!pending && !invited) throw new InvitationNotFoundError(this.id);
    this.emailInvitations = this.emailInvitations.filter((candidate) => candidate.email !== email);
    this.members = this.members.filter((member) => !(member.status === 'invited' && member.email === email));
    this.touch();
  }

  accept(userId: string): Member {
    const invitation = this.members.find((member) => member.userId === userId && member.status === 'invited');
    if (!invitation) throw new InvitationNotFoundError(this.id);
    const { userId: id, role, invitedBy, invitedAt } = invitation; // the address it was sent to is not kept
    const joined: Member = {
      userId: id,
      role,
      status: 'active',
      invitedBy,
      invitedAt,
      joinedAt: new Date().toISOString(),
    };
    this.members = this.members.map((member) => (member.userId === userId ? joined : member));
    this.touch();
    return joined;
  }

  decline(userId: string): void {
    if (!this.hasInvitation(userId)) throw new InvitationNotFoundError(this.id);
    this.members = this.members.filter((member) => member.userId !== userId);
    this.touch();
  }

  /** The owner removes anyone else (or withdraws an invitation); any member may leave. */
  remove(actorId: string, userId: string): void {
    if (actorId !== userId) this.require(actorId, 'owner');
    else this.require(actorId, 'viewer');
    const target = this.members.find((member) => member.userId === userId);
    if (!target) throw new MemberNotFoundError(userId);
    if (target.role === 'owner' && target.status === 'active') throw new OwnerCannotLeaveError();
    this.members = this.members.filter((member) => member.userId !== userId);
    this.touch();
  }

  changeRole(actorId: string, userId: string, role: InvitableRole): Member {
    this.require(actorId, 'owner');
    if (actorId === userId) throw new CannotInviteSelfError();
    const target = this.members.find((member) => member.userId === userId);
    if (!target) throw new MemberNotFoundError(userId);
    const changed: Member = { ...target, role };
    this.members = this.members.map((member) => (member.userId === userId ? changed : member));
    this.touch();
    return changed;
  }

  /** The new owner must already be an active member; the old owner stays on as an editor. */
  transferOwnership(actorId: string, toUserId: string): void {
    this.require(actorId, 'owner');
    if (actorId === toUserId) throw new CannotInviteSelfError();
    const target = this.members.find((member) => member.userId === toUserId && member.status === 'active');
    if (!target) throw new MemberNotFoundError(toUserId);
    this.members = this.members.map((member) => {
      if (member.userId === toUserId) return { ...member, role: 'owner' as const };
      if (member.userId === actorId) return { ...member, role: 'editor' as const };
      return member;
    });
    this.ownerId = toUserId;
    this.touch();
  }

  private touch(): void {
    this.updatedAt = new Date();
  }
}
