import { Command } from '@nestjs/cqrs';

/** Deletes a video and its media; a scheduled one gives its episode back to the owner's quota. */
export class DeleteVideoCommand extends Command<{ deleted: true }> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}
