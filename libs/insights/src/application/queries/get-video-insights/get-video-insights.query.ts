export class GetVideoInsightsQuery {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly from: Date,
    readonly to: Date,
    readonly tz: string,
    readonly compare: 'previous' | 'none',
  ) {}
}
