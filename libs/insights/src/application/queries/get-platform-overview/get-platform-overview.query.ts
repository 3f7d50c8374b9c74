export class GetPlatformOverviewQuery {
  constructor(
    readonly from: Date,
    readonly to: Date,
  ) {}
}
