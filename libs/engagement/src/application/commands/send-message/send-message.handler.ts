import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import {
  Metrics,
  newId,
  RateLimitedError,
  RateLimiter,
  RealtimeEmitter,
  UnitOfWork,
  type RatePolicy,
  type Stopwatch,
} from '@lib/platform';
import { ContentScreening, type ScreeningRequest, type ScreeningVerdict } from '@lib/trust-safety/contracts';
import { Message, mentionedHandles, validMessageText } from '../../../domain/message/message.js';
import { ConversationNotFoundError } from '../../../domain/conversation/conversation.errors.js';
import { DuplicateClientMessageError, MessageNotFoundError } from '../../../domain/message/message.errors.js';
import { MessageSends } from '../../../domain/message/message-sends.js';
import { MessageRepository } from '../../../domain/message/message.repository.js';
import { PersonRepository } from '../../../domain/person/person.repository.js';
import { BlockedError } from '../../../domain/restriction/restriction.errors.js';
import { RestrictionRepository } from '../../../domain/restriction/restriction.repository.js';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { DirectConversations } from '../../messaging/direct-conversations.js';
import { toMessageView, type MessageView } from '../../messaging/message-views.js';
import { TypingIndicators } from '../../messaging/typing-indicators.js';
import { SendMessageCommand } from './send-message.command.js';
import { MESSAGE_NEW } from '../../realtime-events.js';

/**
 * Stores a message under the conversation's next sequence number and pushes it to every member's
 * devices once committed. The conversation row is locked for the insert, so sequences never
 * collide, skip or go backwards; a repeated clientMessageId answers with the message already stored.
 * The happy path is one transaction of two statements (sequence with the lock and the members; message with the
 * sender's status and the outbox row) plus Redis calls for the rate limit and screening, made before it opens: `npm run bench -- messaging`
 * measures it (docs/adr/0079); each stage's time is on /metrics (operation_stage_duration_seconds, "message-send").
 */
/** A message's text as screening judged it, before its transaction: the id the verdict is recorded under. */
interface Screened {
  id: string;
  request: ScreeningRequest;
  verdict: ScreeningVerdict;
}

@CommandHandler(SendMessageCommand)
export class SendMessageHandler implements ICommandHandler<SendMessageCommand> {
  private readonly ratePolicy: RatePolicy;

  constructor(
    private readonly messages: MessageRepository,
    private readonly people: PersonRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly sends: MessageSends,
    private readonly directs: DirectConversations,
    private readonly restrictions: RestrictionRepository,
    private readonly rateLimiter: RateLimiter,
    private readonly realtime: RealtimeEmitter,
    private readonly typing: TypingIndicators,
    private readonly config: AppConfig,
    private readonly screening: ContentScreening,
    private readonly metrics: Metrics,
  ) {
    const { points, windowSeconds } = config.messaging.rate;
    this.ratePolicy = {
      name: 'message-send',
      points,
      windowSeconds,
      code: 'engagement.message.rate-limited',
      message: `At most ${points} messages per ${windowSeconds} seconds`,
    };
  }

  async execute(command: SendMessageCommand): Promise<MessageView> {
    const clock = this.metrics.stopwatch('message-send');
    const text = validMessageText(command.text, this.config.messaging.maxLength);
    const replayAtLimit = await this.countAgainstRateLimit(command);
    if (replayAtLimit) return replayAtLimit;
    clock.lap('rate-limit');
    // Screened before the transaction opens (a refusal, 422, stores nothing): its signals and Redis round
    // trip would otherwise hold a pooled connection. A hold is recorded inside, with the message.
    const id = newId();
    const request: ScreeningRequest = {
      surface: 'message',
      authorId: command.senderId,
      text,
      content: { type: 'message', id },
    };
    const screened: Screened = { id, request, verdict: await this.screening.assess(request) };
    clock.lap('screen');
    const target = command.target;
    return this.storedOrReplayed(command, () =>
      'conversationId' in target
        ? this.store(command, target.conversationId, text, screened, clock)
        : // A first message opens the conversation in the message's own transaction: a refused message
          // (a reply to a stranger's message) leaves no empty conversation behind.
          this.unitOfWork.transactional(async () => {
            const { conversation } = await this.directs.open(command.senderId, target.recipientId);
            return this.store(command, conversation.id, text, screened, clock);
          }),
    );
  }

  /** Runs the send; a duplicate (a retry after a lost ack) answers with the stored message once all is rolled back. */
  private async storedOrReplayed(command: SendMessageCommand, send: () => Promise<MessageView>): Promise<MessageView> {
    try {
      return await send();
    } catch (error) {
      // A retry of a stored message (a lost ack): (sender, clientMessageId) is unique, so the insert
      // fails and the whole transaction, sequence included, rolls back. Answer with the stored one.
      if (error instanceof DuplicateClientMessageError) {
        const stored = await this.alreadySent(command);
        if (stored) return stored;
      }
      throw error;
    }
  }

  /** A retry answers even when the sender is at the limit: only new messages are refused. */
  private async countAgainstRateLimit(command: SendMessageCommand): Promise<MessageView | null> {
    try {
      await this.rateLimiter.consume(this.ratePolicy, command.senderId);
      return null;
    } catch (error) {
      const stored = error instanceof RateLimitedError ? await this.alreadySent(command) : null;
      if (stored) return stored;
      throw error;
    }
  }

  private async store(
    command: SendMessageCommand,
    conversationId: string,
    text: string,
    { id, request, verdict }: Screened,
    clock: Stopwatch,
  ): Promise<MessageView> {
    const stored = await this.unitOfWork.transactional(async () => {
      clock.lap('begin'); // a pooled connection and BEGIN (a direct first message: opening the conversation too)
      // A hold or flag is queued with the message (nothing to write when allowed), before the sequence's row
      // lock, which the conversation's other senders wait on.
      await this.screening.record(request, verdict);
      const opened = await this.sends.takeNextSeq(conversationId, new Date());
      clock.lap('sequence'); // includes the wait for the conversation's row lock
      if (!opened) throw new ConversationNotFoundError(conversationId);
      const { conversation, members, me } = ConversationMembers.asMember(
        command.senderId,
        opened.conversation,
        opened.members,
        { write: true },
      );
      if (!conversation.isGroup) {
        const other = members.find((m) => m.userId !== me.userId);
        if (other && (await this.restrictions.eitherBlocks(me.userId, other.userId))) throw new BlockedError();
      }
      if (command.replyToId && !(await this.messages.find(command.replyToId, conversationId))) {
        throw new MessageNotFoundError(command.replyToId);
      }
      // Writing back is how a request (or a declined one) gets accepted.
      me.accept();
      const recipients = members.filter((m) => m.userId !== me.userId && m.isPresent);
      const mentioned = await this.mentionedAmong(
        text,
        recipients.map((m) => m.userId),
      );
      const held = verdict.action === 'hold' || verdict.action === 'hide';
      const message = Message.send(
        {
          id,
          conversationId,
          seq: conversation.lastSeq,
          senderId: me.userId,
          clientMessageId: command.clientMessageId,
          text,
          replyToId: command.replyToId,
        },
        {
          recipientIds: recipients.filter((m) => m.status === 'active').map((m) => m.userId),
          requestRecipientIds: recipients.filter((m) => m.status === 'request').map((m) => m.userId),
          mentionedUserIds: mentioned,
        },
        { held },
      );
      clock.lap('checks');
      await this.sends.insert(message, me);
      clock.lap('insert');
      const view = toMessageView(message);
      // A held message reaches only its sender's devices until trust & safety releases it.
      const audience = held ? [me.userId] : ConversationMembers.audience(members);
      this.unitOfWork.afterCommit(() => {
        this.typing.stopOnSend(conversationId, command.senderId);
        this.realtime.toUsers(audience, MESSAGE_NEW, view);
      });
      return view;
    });
    clock.lap('commit'); // COMMIT and the after-commit pushes
    return stored;
  }

  /** Members named with @handle; people outside the conversation are not told (nor is anyone else). */
  private async mentionedAmong(text: string, recipientIds: string[]): Promise<string[]> {
    const handles = mentionedHandles(text);
    if (!handles.length || !recipientIds.length) return [];
    const people = await this.people.withHandles(handles, recipientIds);
    return people.map((p) => p.userId);
  }

  private async alreadySent({ senderId, clientMessageId }: SendMessageCommand): Promise<MessageView | null> {
    const stored = await this.messages.findSent(senderId, clientMessageId);
    return stored ? toMessageView(stored) : null;
  }
}
