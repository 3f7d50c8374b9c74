import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Post } from '../../domain/posts/post.js';
import { PostRepository } from '../../domain/posts/post.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class MikroOrmPostRepository extends PostRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findForUpdate(postId: string): Promise<Post | null> {
    if (!UUID.test(postId)) return Promise.resolve(null);
    return this.em.findOne(Post, { id: postId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  async save(post: Post): Promise<void> {
    this.em.persist(post);
    await this.em.flush();
  }
}
