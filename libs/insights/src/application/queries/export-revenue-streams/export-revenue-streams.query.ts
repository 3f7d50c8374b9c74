export class ExportRevenueStreamsQuery {
  constructor(
    readonly from: Date,
    readonly to: Date,
  ) {}
}
