/** A message as engagement tells other contexts about it. */
export interface VisibleMessage {
  messageId: string;
  conversationId: string;
  senderId: string;
}

/**
 * Engagement's synchronous answer to "may this person see this message" (trust & safety takes
 * reports only on messages the reporter can read; another user's private conversation is unknown).
 */
export abstract class MessageVisibility {
  /** The message when `viewerId` may read its conversation and it is not deleted, else null. */
  abstract messageVisibleTo(messageId: string, viewerId: string): Promise<VisibleMessage | null>;
}
