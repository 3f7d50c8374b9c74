import { decodeCursor, encodeCursor, InvalidCursorError, type Page } from '@lib/platform';
import type { CommentView } from './comment-views.js';
import type { CommentOrder, CommentPosition } from './comments.read-model.js';

/** Cursors name their order, so a `top` cursor is never read as a time. */
export function decodeCommentCursor(cursor: string | undefined, order: CommentOrder): CommentPosition | undefined {
  if (!cursor) return undefined;
  const [cursorOrder, key, id] = decodeCursor(cursor) ?? [];
  const keyOk = order === 'top' ? Number.isInteger(key) : typeof key === 'string' && !Number.isNaN(Date.parse(key));
  if (cursorOrder !== order || !keyOk || typeof id !== 'string') throw new InvalidCursorError();
  return { key: key as string | number, id };
}

/** Asks the read model for one row more than the page to know whether another page follows. */
export function commentPage(rows: CommentView[], limit: number, order: CommentOrder): Page<CommentView> {
  const items = rows.slice(0, limit);
  if (rows.length <= limit) return { items };
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: encodeCursor([order, order === 'top' ? last.likes + last.replyCount : last.createdAt, last.id]),
  };
}
