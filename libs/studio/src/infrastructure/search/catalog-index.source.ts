import { Injectable } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type { SearchDocument, SearchIndexSource } from '@lib/platform';
import { CATALOG_INDEX, CatalogDocuments, type CatalogDocument } from '../../application/catalog/catalog-index.js';
import { Video } from '../../domain/video/video.js';
import { MikroOrmChannelRepository } from '../persistence/mikro-orm-channel.repository.js';
import { MikroOrmLibraryReadModel } from '../persistence/mikro-orm-library-read-model.js';
import { MikroOrmPersonRepository } from '../persistence/mikro-orm-person.repository.js';
import { SqlContentRestrictions } from '../persistence/sql-content-restrictions.js';
import { SqlCatalogCounts } from '../persistence/sql-catalog-counts.js';

/** Where a rebuild of the `catalog` index reads from: published videos, in id order. */
@Injectable()
export class CatalogIndexSource implements SearchIndexSource<CatalogDocument> {
  readonly definition = CATALOG_INDEX;

  // Built here: the source lives in SearchModule's scope, which cannot see studio's providers.
  private readonly documents: CatalogDocuments;

  constructor(private readonly orm: MikroORM) {
    this.documents = new CatalogDocuments(
      new MikroOrmChannelRepository(orm.em),
      new MikroOrmPersonRepository(orm.em),
      new MikroOrmLibraryReadModel(orm.em),
      new SqlCatalogCounts(orm.em),
    );
  }

  count(): Promise<number> {
    return this.orm.em.fork().count(Video, { state: 'published' });
  }

  async *batches(options: {
    batchSize: number;
    changedSince?: Date;
  }): AsyncIterable<SearchDocument<CatalogDocument>[]> {
    let afterId: string | undefined;
    for (;;) {
      // A fresh context per batch keeps the identity map from growing with the table.
      const batch = await RequestContext.create(this.orm.em, async () => {
        const videos = await this.orm.em.find(
          Video,
          {
            state: 'published',
            ...(afterId ? { id: { $gt: afterId } } : {}),
            ...(options.changedSince ? { updatedAt: { $gte: options.changedSince } } : {}),
          },
          { orderBy: { id: 'asc' }, limit: options.batchSize },
        );
        // Taken-down videos and those of suspended owners stay out of a rebuilt index too.
        const restricted = await new SqlContentRestrictions(this.orm.em).restrictedAmong(videos.map((v) => v.id));
        const listed = videos.filter((video) => !restricted.has(video.id));
        return {
          last: videos.at(-1)?.id,
          documents: await Promise.all(listed.map((video) => this.documents.of(video))),
        };
      });
      if (!batch.last) return;
      if (batch.documents.length) yield batch.documents;
      afterId = batch.last;
    }
  }
}
