import type { Conversation, Membership } from '../conversation/conversation.js';
import type { Message } from './message.js';

/**
 * A new message's storage, apart from the repositories: sending is messaging's hottest write, so it is a few
 * statements on the unit of work's transaction rather than tracked entities (bench/README.md, `messaging`).
 */
export abstract class MessageSends {
  /**
   * Locks the conversation until the unit of work ends and takes its next sequence number (a refused send rolls
   * it back): the conversation, `lastSeq` being that number and `lastActivityAt` = `at`, with every membership;
   * null when there is no such conversation.
   */
  abstract takeNextSeq(
    conversationId: string,
    at: Date,
  ): Promise<{ conversation: Conversation; members: Membership[] } | null>;

  /**
   * Inserts the message with the outbox rows of the events it recorded, and writes back the sender's membership
   * status (a reply accepts a request). A clientMessageId the sender already used fails with
   * DuplicateClientMessageError.
   */
  abstract insert(message: Message, sender: Membership): Promise<void>;
}
