import { Query } from '@nestjs/cqrs';

/** A series with its episodes in order (season, then episode). */
export class GetSeriesQuery extends Query<unknown> {
  constructor(
    readonly userId: string,
    readonly seriesId: string,
  ) {
    super();
  }
}
