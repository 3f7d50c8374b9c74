import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PagesReadModel } from '../../application/pages/pages.read-model.js';

@Injectable()
export class SqlPagesReadModel extends PagesReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async hashtagCommentCount(tag: string): Promise<number> {
    const [row] = await this.em.execute<{ n: number }[]>(
      `select count(*)::int as n from engagement.comment_hashtags h
         join engagement.comments c on c.id = h.comment_id and c.status = 'visible' and c.deleted_at is null
         join engagement.comment_videos v on v.video_id = c.video_id and v.published and not v.deleted
        where h.tag = ?`,
      [tag],
    );
    return row?.n ?? 0;
  }

  async follows(viewerId: string, creatorId: string): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      'select 1 from engagement.follows where follower_id = ? and followee_id = ? and ended_at is null',
      [viewerId, creatorId],
    );
    return rows.length > 0;
  }
}
