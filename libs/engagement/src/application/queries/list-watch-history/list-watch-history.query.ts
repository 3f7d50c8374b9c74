import { Query } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import type { WatchEntryView } from '../../read-models/watch-history.read-model.js';

/** The caller's watch history (`all`) or their "continue watching" row (`unfinished`), newest first. */
export class ListWatchHistoryQuery extends Query<Page<WatchEntryView>> {
  constructor(
    readonly userId: string,
    readonly which: 'all' | 'unfinished',
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
