import { Command } from '@nestjs/cqrs';

export interface LikeState {
  liked: boolean;
  likes: number;
}

/** Like (`like: true`) or unlike a video; repeating either changes nothing and announces nothing. */
export class SetVideoLikeCommand extends Command<LikeState> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly like: boolean,
  ) {
    super();
  }
}
