export class ListCommentEditsQuery {
  constructor(
    readonly viewerId: string,
    readonly commentId: string,
  ) {}
}
