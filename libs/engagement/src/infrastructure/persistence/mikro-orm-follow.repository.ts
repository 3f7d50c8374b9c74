import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Follow } from '../../domain/follow/follow.js';
import { FollowRepository } from '../../domain/follow/follow.repository.js';

@Injectable()
export class MikroOrmFollowRepository extends FollowRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  between(followerId: string, followeeId: string): Promise<Follow | null> {
    return this.em.findOne(Follow, { followerId, followeeId });
  }

  add(follow: Follow): void {
    this.em.persist(follow);
  }
}
