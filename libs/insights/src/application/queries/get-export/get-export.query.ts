export class GetExportQuery {
  constructor(
    readonly userId: string,
    readonly exportId: string,
  ) {}
}
