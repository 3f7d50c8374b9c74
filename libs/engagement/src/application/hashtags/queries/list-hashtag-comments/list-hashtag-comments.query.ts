export class ListHashtagCommentsQuery {
  constructor(
    readonly viewerId: string,
    readonly tag: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}
