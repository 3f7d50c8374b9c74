import { decodeCursor, encodeCursor, InvalidCursorError, type Page } from '@lib/platform';

/** Newest-first keyset paging by UUIDv7 id (ids sort by creation time). */
export function beforeIdOf(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const [id] = decodeCursor(cursor) ?? [];
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new InvalidCursorError();
  return id;
}

export function pageOf<T extends { id: string }, V>(rows: T[], limit: number, view: (row: T) => V): Page<V> {
  const items = rows.slice(0, limit);
  return { items: items.map(view), nextCursor: rows.length > limit ? encodeCursor([items.at(-1)!.id]) : undefined };
}
