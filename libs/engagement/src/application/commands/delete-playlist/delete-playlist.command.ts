import { Command } from '@nestjs/cqrs';

export class DeletePlaylistCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly playlistRef: string,
  ) {
    super();
  }
}
