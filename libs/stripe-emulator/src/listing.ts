/** Stripe list responses: newest first, `limit` (1–100, default 10), cursors `starting_after` / `ending_before`. */
import { invalidRequest } from './errors.js';
import type { ListObject } from './objects/index.js';
import { optionalInteger, optionalString, type Params } from './params.js';

export function paginate<T extends { id: string }>(insertionOrder: T[], params: Params, url: string): ListObject<T> {
  const newestFirst = [...insertionOrder].reverse();
  const limit = optionalInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest('Invalid limit: must be between 1 and 100', { param: 'limit' });
  const startingAfter = optionalString(params, 'starting_after');
  const endingBefore = optionalString(params, 'ending_before');
  if (endingBefore) {
    const end = cursorIndex(newestFirst, endingBefore, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: newestFirst.slice(start, end), has_more: start > 0, url };
  }
  const start = startingAfter ? cursorIndex(newestFirst, startingAfter, 'starting_after') + 1 : 0;
  return {
    object: 'list',
    data: newestFirst.slice(start, start + limit),
    has_more: start + limit < newestFirst.length,
    url,
  };
}

function cursorIndex(items: Array<{ id: string }>, id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1) throw invalidRequest(`Invalid ${param}: no object with id '${id}' in this list.`, { param });
  return index;
}
