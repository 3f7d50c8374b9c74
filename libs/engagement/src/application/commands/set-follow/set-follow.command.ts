import { Command } from '@nestjs/cqrs';

export interface FollowState {
  following: boolean;
  followers: number;
}

/** Follow (`follow: true`) or unfollow someone; repeating either changes nothing. */
export class SetFollowCommand extends Command<FollowState> {
  constructor(
    readonly followerId: string,
    readonly followeeId: string,
    readonly follow: boolean,
  ) {
    super();
  }
}
