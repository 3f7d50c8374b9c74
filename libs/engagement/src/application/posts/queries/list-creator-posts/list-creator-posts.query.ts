export class ListCreatorPostsQuery {
  constructor(
    readonly viewerId: string,
    readonly creatorId: string,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {}
}
