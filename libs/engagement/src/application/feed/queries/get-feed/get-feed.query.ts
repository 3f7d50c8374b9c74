export class GetFeedQuery {
  constructor(
    readonly viewerId: string,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {}
}
