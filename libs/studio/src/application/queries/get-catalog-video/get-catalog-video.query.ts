import { Query } from '@nestjs/cqrs';

export class GetCatalogVideoQuery extends Query<unknown> {
  constructor(readonly videoId: string) {
    super();
  }
}
