import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Video, VideoRepository } from '../../domain/video/video.js';

@Injectable()
export class MikroOrmVideoRepository extends VideoRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  byId(id: string) {
    return this.em.findOne(Video, { id });
  }
  byIds(ids: string[]) {
    return this.em.find(Video, { id: { $in: ids } });
  }
  add(video: Video) {
    this.em.persist(video);
  }
  remove(video: Video) {
    this.em.remove(video);
  }
}
