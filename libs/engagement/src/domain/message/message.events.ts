import { DomainEvent } from '@lib/platform/ddd';

/** A message was stored; who should hear about it (present members but the sender). */
export class MessageSent extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly conversationId: string,
    readonly seq: number,
    readonly senderId: string,
    /** Members in the inbox, and members for whom this conversation is a pending request. */
    readonly recipientIds: string[],
    readonly requestRecipientIds: string[],
    /** Members named with @handle in the text. */
    readonly mentionedUserIds: string[],
  ) {
    super();
  }
}
