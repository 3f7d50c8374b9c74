import { Command } from '@nestjs/cqrs';

/** Deletes a collection; its videos stay, outside it. */
export class DeleteCollectionCommand extends Command<{ deleted: true }> {
  constructor(
    readonly userId: string,
    readonly collectionId: string,
  ) {
    super();
  }
}
