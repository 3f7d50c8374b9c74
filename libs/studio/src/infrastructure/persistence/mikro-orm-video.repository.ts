import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM, OptimisticLockError } from '@mikro-orm/postgresql';
import { Video } from '../../domain/video/video.js';
import { VideoRepository } from '../../domain/video/video.repository.js';

const CHANGE_ATTEMPTS = 3;

@Injectable()
export class MikroOrmVideoRepository extends VideoRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly orm: MikroORM,
  ) {
    super();
  }
  byId(id: string) {
    return this.em.findOne(Video, { id });
  }
  byIds(ids: string[]) {
    return this.em.find(Video, { id: { $in: ids } });
  }
  async inCollection(channelId: string, collectionId: string) {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `select id from studio.videos where channel_id = ? and ?::uuid = any(collection_ids)`,
      [channelId, collectionId],
    );
    return rows.length ? this.em.find(Video, { id: { $in: rows.map((row) => row.id) } }) : [];
  }
  add(video: Video) {
    this.em.persist(video);
  }
  remove(video: Video) {
    this.em.remove(video);
  }

  async changeAlone(videoId: string, change: (video: Video) => boolean): Promise<Video | null> {
    for (let attempt = 1; ; attempt += 1) {
      // A fresh EntityManager each attempt: the retry must read the row the other writer committed.
      const em = this.orm.em.fork();
      try {
        return await em.transactional(async (tx) => {
          const video = await tx.findOne(Video, { id: videoId });
          return video && change(video) ? video : null;
        });
      } catch (error) {
        if (error instanceof OptimisticLockError && attempt < CHANGE_ATTEMPTS) continue;
        throw error;
      }
    }
  }
}
