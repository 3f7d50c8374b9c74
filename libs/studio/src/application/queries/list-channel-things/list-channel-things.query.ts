import { Query } from '@nestjs/cqrs';

export type LibraryListKind = 'series' | 'collections' | 'templates';

/** A channel's series, collections or templates (any member). */
export class ListChannelThingsQuery extends Query<{ items: unknown[] }> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly kind: LibraryListKind,
  ) {
    super();
  }
}
