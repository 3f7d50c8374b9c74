import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { PostNotFoundError } from '../../../../domain/posts/post.errors.js';
import { PostRepository } from '../../../../domain/posts/post.repository.js';
import { DeletePostCommand } from './delete-post.command.js';

/** Its author deletes a post; feeds drop it at once (they read only live posts), others get 404. */
@CommandHandler(DeletePostCommand)
export class DeletePostHandler implements ICommandHandler<DeletePostCommand> {
  constructor(
    private readonly posts: PostRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, postId }: DeletePostCommand): Promise<void> {
    await this.unitOfWork.transactional(async () => {
      const post = await this.posts.findForUpdate(postId);
      if (!post) throw new PostNotFoundError(postId);
      post.delete(userId);
      await this.posts.save(post);
    });
  }
}
