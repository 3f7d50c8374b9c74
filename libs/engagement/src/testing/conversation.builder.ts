import { Conversation, Membership, type MemberRole, type MemberStatus } from '../domain/conversation/conversation.js';

/** A conversation with its memberships, as the application holds them together. */
export interface ConversationWithMembers {
  conversation: Conversation;
  memberships: Membership[];
  /** The membership of one person (throws when they never were a member). */
  member(userId: string): Membership;
}

/**
 * Conversations and who is in them:
 * `aDirectConversation().from(ann).to(bob).asRequest().build()`,
 * `aGroup().createdBy(ann).withMembers(bob, cat).withAdmin(dan).build()`.
 */
export class ConversationBuilder {
  private creatorId = 'user-ann';
  private recipientId = 'user-bob';
  private recipientStatus: MemberStatus = 'active';
  private title = 'Weekend crew';
  private readonly others: Array<{ userId: string; role: MemberRole; status: MemberStatus }> = [];

  constructor(private readonly kind: 'direct' | 'group') {}

  from(userId: string): this {
    return this.createdBy(userId);
  }

  createdBy(userId: string): this {
    this.creatorId = userId;
    return this;
  }

  to(userId: string): this {
    this.recipientId = userId;
    return this;
  }

  /** The recipient has not accepted yet: the conversation waits in their message requests. */
  asRequest(): this {
    this.recipientStatus = 'request';
    return this;
  }

  titled(title: string): this {
    this.title = title;
    return this;
  }

  withMembers(...userIds: string[]): this {
    for (const userId of userIds) this.others.push({ userId, role: 'member', status: 'active' });
    return this;
  }

  withAdmin(userId: string): this {
    this.others.push({ userId, role: 'admin', status: 'active' });
    return this;
  }

  /** Someone who was in the group and left (or was removed). */
  withFormerMember(userId: string, removed = false): this {
    this.others.push({ userId, role: 'member', status: removed ? 'removed' : 'left' });
    return this;
  }

  build(): ConversationWithMembers {
    const conversation =
      this.kind === 'direct'
        ? Conversation.direct(this.creatorId, this.recipientId)
        : Conversation.group(this.creatorId, this.title);
    const memberships =
      this.kind === 'direct'
        ? [
            new Membership(conversation.id, this.creatorId, 'member', 'active'),
            new Membership(conversation.id, this.recipientId, 'member', this.recipientStatus),
          ]
        : [
            new Membership(conversation.id, this.creatorId, 'admin', 'active'),
            ...this.others.map((other) => joined(conversation, other)),
          ];
    return {
      conversation,
      memberships,
      member(userId) {
        const membership = memberships.find((candidate) => candidate.userId === userId);
        if (!membership) throw new Error(`${userId} was never a member of this conversation`);
        return membership;
      },
    };
  }
}

function joined(
  conversation: Conversation,
  other: { userId: string; role: MemberRole; status: MemberStatus },
): Membership {
  const membership = new Membership(conversation.id, other.userId, other.role, 'active');
  if (other.status === 'left' || other.status === 'removed') membership.leave(other.status === 'removed');
  else membership.status = other.status;
  return membership;
}

export const aDirectConversation = () => new ConversationBuilder('direct');
export const aGroup = () => new ConversationBuilder('group');
