import { Command } from '@nestjs/cqrs';
import type { LikeState } from '../../../commands/set-like/set-like.command.js';

/** Like (`like: true`) or unlike a public comment; repeating either changes nothing. */
export class SetCommentLikeCommand extends Command<LikeState> {
  constructor(
    readonly userId: string,
    readonly commentId: string,
    readonly like: boolean,
  ) {
    super();
  }
}
