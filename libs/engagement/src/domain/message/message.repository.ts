import type { Message, MessageEdit } from './message.js';

export abstract class MessageRepository {
  abstract find(messageId: string, conversationId: string): Promise<Message | null>;
  /** By id alone: trust & safety's decisions name a message, not its conversation. */
  abstract findById(messageId: string): Promise<Message | null>;
  /** The message a sender stored under this clientMessageId (read fresh), if any. */
  abstract findSent(senderId: string, clientMessageId: string): Promise<Message | null>;
  /**
   * Writes the message with everything else the unit of work changed, now (a send's one flush);
   * a clientMessageId the sender already used fails with DuplicateClientMessageError.
   */
  abstract save(message: Message): Promise<void>;
  /** Saved with the current unit of work. */
  abstract addEdit(edit: MessageEdit): void;
  /** A deleted text does not live on in its edit history. */
  abstract dropEdits(messageId: string): Promise<void>;
}
