import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { newId, UnitOfWork } from '@lib/platform';
import { ContentScreening } from '@lib/trust-safety/contracts';
import { Post, validPostText, type PostScreening } from '../../../../domain/posts/post.js';
import { PostVideoNotOwnError } from '../../../../domain/posts/post.errors.js';
import { PostRepository } from '../../../../domain/posts/post.repository.js';
import { VideoNotFoundError } from '../../../../domain/watchable-video/watchable-video.errors.js';
import { WatchableVideoRepository } from '../../../../domain/watchable-video/watchable-video.repository.js';
import { postView, PostsReadModel, type PostView } from '../../post-views.js';
import { WritePostCommand } from './write-post.command.js';

/**
 * Stores a post after screening (surface `post`): refused texts store nothing (422), held or hidden
 * ones are kept out of feeds until trust & safety approves them. A public post's event reaches the
 * outbox in the same flush, and the feed's fan-out starts from it.
 */
@CommandHandler(WritePostCommand)
export class WritePostHandler implements ICommandHandler<WritePostCommand> {
  constructor(
    private readonly posts: PostRepository,
    private readonly videos: WatchableVideoRepository,
    private readonly readModel: PostsReadModel,
    private readonly screening: ContentScreening,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async execute({ authorId, text, videoId }: WritePostCommand): Promise<PostView> {
    const checked = validPostText(text, this.config.feed.postMaxLength);
    if (videoId) {
      const video = await this.videos.byId(videoId);
      if (!video?.published) throw new VideoNotFoundError(videoId);
      if (video.creatorId !== authorId) throw new PostVideoNotOwnError(videoId);
    }
    const post = await this.unitOfWork.transactional(async () => {
      const id = newId();
      const verdict = await this.screening.screen({
        surface: 'post',
        authorId,
        text: checked,
        content: { type: 'post', id },
      });
      const screening: PostScreening =
        verdict.action === 'hold' ? 'hold' : verdict.action === 'hide' ? 'hide' : 'allow';
      const written = Post.write({ id, authorId, text: checked, videoId, screening });
      await this.posts.save(written);
      return written;
    });
    const author = await this.readModel.author(authorId);
    return postView(post, author ?? { userId: authorId, handle: null, displayName: null, avatarUrl: null });
  }
}
