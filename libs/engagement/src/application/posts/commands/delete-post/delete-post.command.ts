export class DeletePostCommand {
  constructor(
    readonly userId: string,
    readonly postId: string,
  ) {}
}
