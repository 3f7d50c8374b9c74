export class GetChannelOverviewQuery {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly from: Date,
    readonly to: Date,
    readonly tz: string,
    readonly compare: 'previous' | 'none',
    readonly granularity?: 'hour' | 'day',
  ) {}
}
