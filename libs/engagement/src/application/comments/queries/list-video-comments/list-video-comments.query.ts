import type { CommentOrder } from '../../comments.read-model.js';

export class ListVideoCommentsQuery {
  constructor(
    readonly viewerId: string,
    readonly videoId: string,
    readonly order: CommentOrder,
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}
