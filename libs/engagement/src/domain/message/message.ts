import { AggregateRoot, isBlankText, newId } from '@lib/platform/ddd';
import {
  MessageDeletedError,
  MessageInvalidError,
  MessageTooLongError,
  MessageWindowClosedError,
  NotYourMessageError,
} from './message.errors.js';
import { MessageSent } from './message.events.js';

/** `@handle`s written in a text (lower-cased, without the @), each once. */
export function mentionedHandles(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/(?:^|[^A-Za-z0-9_@])@([A-Za-z0-9_]{3,30})\b/g)].map((m) => m[1].toLowerCase())),
  ];
}

/** Checks a message text: not blank, not longer than the limit (in characters, not bytes). */
export function validMessageText(text: string, maxLength: number): string {
  const length = [...text].length;
  if (isBlankText(text)) throw new MessageInvalidError('A message needs some text');
  if (length > maxLength) throw new MessageTooLongError(length, maxLength);
  return text;
}

export interface MessageAudience {
  recipientIds: string[];
  requestRecipientIds: string[];
  mentionedUserIds: string[];
}

export class Message extends AggregateRoot {
  readonly id: string = newId();
  readonly createdAt: Date = new Date();
  editedAt: Date | null = null;
  deletedAt: Date | null = null;
  /** Set while trust & safety holds the message: only its sender sees it until a moderator approves it. */
  heldAt: Date | null = null;
  /** Set while a moderator's removal stands: the message reads as a tombstone to everyone. */
  removedAt: Date | null = null;
  /** The text a moderator removed, kept out of `body` (which every reader shows) so an upheld appeal can restore it. */
  removedBody: string | null = null;
  /** The conversation sequence of this message's latest change (= seq until edited or deleted). */
  revision: number;

  constructor(
    readonly conversationId: string,
    readonly seq: number,
    readonly senderId: string,
    readonly clientMessageId: string,
    public body: string | null,
    readonly replyToId: string | null,
  ) {
    super();
    this.revision = seq;
  }

  static send(
    input: {
      /** Chosen beforehand when the text was screened under this id. */
      id?: string;
      conversationId: string;
      seq: number;
      senderId: string;
      clientMessageId: string;
      text: string;
      replyToId: string | null;
    },
    audience: MessageAudience,
    options: { held?: boolean } = {},
  ): Message {
    const message = new Message(
      input.conversationId,
      input.seq,
      input.senderId,
      input.clientMessageId,
      input.text,
      input.replyToId,
    );
    if (input.id) Object.assign(message, { id: input.id });
    // A held message is announced (notifications) only once it is released.
    if (options.held) message.heldAt = new Date();
    else message.announce(audience);
    return message;
  }

  get isHeld(): boolean {
    return this.heldAt !== null;
  }

  /** A moderator approved (or restored) it: recipients get it now, as a change past `revision`. */
  release(revision: number, audience: MessageAudience): void {
    if (!this.heldAt || this.deletedAt) return;
    this.heldAt = null;
    this.revision = revision;
    this.announce(audience);
  }

  /** Trust & safety hides it from everyone but its sender (an edit held for review, a hide decision). */
  hold(revision: number, now = new Date()): void {
    if (this.heldAt || this.deletedAt) return;
    this.heldAt = now;
    this.revision = revision;
  }

  /**
   * A moderator removed it: a tombstone to everyone, like the author's own deletion (no window to
   * respect), but its text is set aside rather than erased, so an upheld appeal can bring it back.
   */
  removeByModerator(revision: number, now = new Date()): void {
    if (this.deletedAt) return;
    this.removedBody = this.body;
    this.removedAt = now;
    this.body = null;
    this.deletedAt = now;
    this.revision = revision;
  }

  get isRemovedByModerator(): boolean {
    return this.removedAt !== null;
  }

  /**
   * Undoes a moderator's removal (an upheld appeal): the text is back as a change past `revision`.
   * A message that was still held when removed is released too, and only now announced to its
   * recipients. Returns false when there is nothing to restore (never removed, or deleted by its author).
   */
  restoreRemoved(revision: number, audience: MessageAudience): boolean {
    if (!this.removedAt || this.removedBody === null) return false;
    this.body = this.removedBody;
    this.removedBody = null;
    this.removedAt = null;
    this.deletedAt = null;
    this.revision = revision;
    if (this.heldAt) {
      this.heldAt = null;
      this.announce(audience);
    }
    return true;
  }

  private announce(audience: MessageAudience): void {
    this.record(
      new MessageSent(
        this.id,
        this.conversationId,
        this.seq,
        this.senderId,
        audience.recipientIds,
        audience.requestRecipientIds,
        audience.mentionedUserIds,
      ),
    );
  }

  /** Changes the text; returns the previous text for the edit history. */
  edit(by: string, text: string, revision: number, windowSeconds: number, now = new Date()): string {
    this.assertChangeable(by, 'edit', windowSeconds, now);
    const previous = this.body!;
    this.body = text;
    this.editedAt = now;
    this.revision = revision;
    return previous;
  }

  /** Leaves a tombstone: the message keeps its place in the conversation, without its text. */
  delete(by: string, revision: number, windowSeconds: number, now = new Date()): void {
    this.assertChangeable(by, 'delete', windowSeconds, now);
    this.body = null;
    this.deletedAt = now;
    this.revision = revision;
  }

  private assertChangeable(by: string, action: 'edit' | 'delete', windowSeconds: number, now: Date): void {
    if (by !== this.senderId) throw new NotYourMessageError();
    if (this.deletedAt) throw new MessageDeletedError();
    if (now.getTime() - this.createdAt.getTime() > windowSeconds * 1_000)
      throw new MessageWindowClosedError(action, windowSeconds);
  }
}

/** One earlier text of an edited message. */
export class MessageEdit {
  readonly id: string = newId();
  constructor(
    readonly messageId: string,
    readonly previousBody: string,
    readonly editedAt: Date,
  ) {}
}
