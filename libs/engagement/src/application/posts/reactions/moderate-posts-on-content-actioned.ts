import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { ContentActionedV1 } from '@lib/trust-safety/contracts';
import { PostRepository } from '../../../domain/posts/post.repository.js';

/**
 * Trust & safety decided on a post: `approve`/`restore` make it public (a first release reaches
 * feeds like a new post, through its event), `hide`/`remove` take it out of view. Repeats change nothing.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.moderate-posts', on: [ContentActionedV1] })
export class ModeratePostsOnContentActioned implements EventConsumer<ContentActionedV1> {
  constructor(private readonly posts: PostRepository) {}

  async handle({ event }: ConsumerContext<ContentActionedV1>): Promise<void> {
    if (event.contentType !== 'post') return;
    const post = await this.posts.findForUpdate(event.contentId);
    if (!post || !post.moderate(event.action)) return;
    await this.posts.save(post);
  }
}
