import { Query } from '@nestjs/cqrs';

export class SuggestCatalogQuery extends Query<unknown> {
  constructor(
    readonly q: string,
    readonly limit: number,
  ) {
    super();
  }
}
