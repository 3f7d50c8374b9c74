import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { VideoViewTotals } from '../../application/view-counts.js';
import type { VideoViews } from '../../domain/view-count-batch.js';
import { ViewCountBatch, ViewCountBatchRepository } from '../../domain/view-count-batch.js';

@Injectable()
export class SqlVideoViewTotals extends VideoViewTotals {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async ofVideosIn(hours: Date[]): Promise<VideoViews[]> {
    const rows = await this.em.execute<{ video_id: string; views: string }[]>(
      // Only videos studio published: a client can send events for any uuid, and those reach no catalog.
      `with touched as (
         select distinct r.scope_id from insights.rollups r join insights.videos v on v.video_id::text = r.scope_id
         where r.grain = 'hour' and r.scope = 'video' and r.bucket = any(?::timestamptz[])
       )
       select r.scope_id as video_id, coalesce(sum(r.views), 0) as views
       from insights.rollups r join touched t using (scope_id)
       where r.grain = 'hour' and r.scope = 'video'
       group by r.scope_id order by r.scope_id`,
      [`{${hours.map((hour) => hour.toISOString()).join(',')}}`],
    );
    return rows.map((row) => ({ videoId: row.video_id, views: Number(row.views) }));
  }
}

@Injectable()
export class MikroOrmViewCountBatchRepository extends ViewCountBatchRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async addAll(batches: ViewCountBatch[]): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      for (const batch of batches) em.persist(batch);
      await em.flush();
    });
  }
}
