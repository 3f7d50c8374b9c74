import { newId } from '@lib/platform/ddd';
import { CannotMessageSelfError, GroupFullError, NotAGroupAdminError, NotAGroupError } from './conversation.errors.js';

export type ConversationKind = 'direct' | 'group';
export type MemberRole = 'member' | 'admin';
/**
 * `active`: in the inbox. `request`: a message from someone the member does not follow, waiting
 * to be accepted. `declined`: a request turned down (hidden, silent). `left` / `removed`: gone.
 */
export type MemberStatus = 'active' | 'request' | 'declined' | 'left' | 'removed';

/** A 1:1 conversation is found by its pair, whoever wrote first. */
export function pairKeyOf(a: string, b: string): string {
  if (a === b) throw new CannotMessageSelfError();
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export class Conversation {
  readonly id: string = newId();
  /** Highest sequence handed out: messages and their later edits/deletions each take the next one. */
  lastSeq = 0;
  readonly createdAt: Date = new Date();
  lastActivityAt: Date = this.createdAt;

  private constructor(
    readonly kind: ConversationKind,
    public title: string | null,
    /** Direct conversations only: the sorted pair, unique. */
    readonly pairKey: string | null,
    readonly createdBy: string,
  ) {}

  static direct(from: string, to: string): Conversation {
    return new Conversation('direct', null, pairKeyOf(from, to), from);
  }

  static group(createdBy: string, title: string): Conversation {
    return new Conversation('group', title.trim(), null, createdBy);
  }

  get isGroup(): boolean {
    return this.kind === 'group';
  }

  rename(title: string): void {
    if (!this.isGroup) throw new NotAGroupError();
    this.title = title.trim();
  }
}

export class Membership {
  readonly joinedAt: Date = new Date();
  leftAt: Date | null = null;
  /** Everything up to this sequence has been read. */
  readSeq = 0;

  constructor(
    readonly conversationId: string,
    readonly userId: string,
    public role: MemberRole,
    public status: MemberStatus,
  ) {}

  /** Sees the conversation and its messages (a pending request included). */
  get canRead(): boolean {
    return this.status === 'active' || this.status === 'request' || this.status === 'declined';
  }

  /** Takes part: receives pushes and may write. A declined request stays silent. */
  get isPresent(): boolean {
    return this.status === 'active' || this.status === 'request';
  }

  accept(): void {
    if (this.status === 'request' || this.status === 'declined') this.status = 'active';
  }

  decline(): void {
    if (this.status === 'request') this.status = 'declined';
  }

  leave(removed: boolean, at = new Date()): void {
    this.status = removed ? 'removed' : 'left';
    this.role = 'member';
    this.leftAt = at;
  }

  rejoin(status: MemberStatus): void {
    this.status = status;
    this.leftAt = null;
  }

  markRead(upToSeq: number): boolean {
    if (upToSeq <= this.readSeq) return false;
    this.readSeq = upToSeq;
    return true;
  }
}

/** Group rules that need every member at hand. */
export const GroupRules = {
  assertAdmin(conversation: Conversation, actor: Membership): void {
    if (!conversation.isGroup) throw new NotAGroupError();
    if (actor.role !== 'admin' || !actor.isPresent) throw new NotAGroupAdminError();
  },

  assertRoom(presentCount: number, adding: number, maxMembers: number): void {
    if (presentCount + adding > maxMembers) throw new GroupFullError(maxMembers);
  },

  /** A group never stays without an admin: the longest-standing member takes over. */
  successorAdmin(members: Membership[]): Membership | null {
    const present = members.filter((m) => m.isPresent);
    if (present.length === 0 || present.some((m) => m.role === 'admin')) return null;
    return present.sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())[0];
  },
};
