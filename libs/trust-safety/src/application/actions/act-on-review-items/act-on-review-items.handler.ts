import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@lib/platform/ddd';
import { STATUS_BY_KIND } from '@lib/platform';
import { ActOnReviewItemCommand } from '../act-on-review-item/act-on-review-item.command.js';
import { ActOnReviewItemsCommand, type BulkActionOutcome } from './act-on-review-items.command.js';

/**
 * Bulk action: the same decision on many items, each in its own transaction, so one refused item
 * (already claimed by someone else, not applicable) does not undo the others. Each item keeps the
 * single-item guarantees, idempotence included.
 */
@CommandHandler(ActOnReviewItemsCommand)
export class ActOnReviewItemsHandler implements ICommandHandler<ActOnReviewItemsCommand> {
  constructor(private readonly commands: CommandBus) {}

  async execute(command: ActOnReviewItemsCommand) {
    const results: BulkActionOutcome[] = [];
    for (const itemId of new Set(command.itemIds)) {
      try {
        const decision = await this.commands.execute(
          new ActOnReviewItemCommand(
            itemId,
            command.moderatorId,
            command.action,
            command.reason,
            command.rule,
            command.hours,
          ),
        );
        results.push({ itemId, decision });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({
          itemId,
          error: { status: STATUS_BY_KIND[error.kind], code: error.code, detail: error.message },
        });
      }
    }
    return { results };
  }
}
