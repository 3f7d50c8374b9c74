import type { DirectMessagePolicy } from '../../../domain/messaging/conversation.js';

/** Moves a message request into the inbox (accept) or out of sight (decline). */
export class AnswerMessageRequestCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly accept: boolean,
  ) {}
}

export class SetMessagingSettingsCommand {
  constructor(
    readonly userId: string,
    readonly directMessages: DirectMessagePolicy,
  ) {}
}
