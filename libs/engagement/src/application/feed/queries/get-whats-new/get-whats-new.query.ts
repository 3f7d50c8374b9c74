export class GetWhatsNewQuery {
  constructor(readonly limit: number) {}
}
