import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, CurrentUser, CursorPageQuery, Public, type Principal } from '@lib/platform';
import { GetFeedQuery } from '../../application/feed/queries/get-feed/get-feed.query.js';
import { GetWhatsNewQuery } from '../../application/feed/queries/get-whats-new/get-whats-new.query.js';
import { DeletePostCommand } from '../../application/posts/commands/delete-post/delete-post.command.js';
import { WritePostCommand } from '../../application/posts/commands/write-post/write-post.command.js';
import { ListCreatorPostsQuery } from '../../application/posts/queries/list-creator-posts/list-creator-posts.query.js';
import {
  FeedPageResponse,
  PostPageResponse,
  PostResponse,
  WhatsNewQuery,
  WhatsNewResponse,
  WritePostRequest,
} from './feed.dto.js';

const uuid = () => new ParseUUIDPipe();
const SIGNED_IN = '**Access: any signed-in account.** ';

@ApiTags('feed')
@Controller('v1')
export class FeedController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('me/feed')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Your activity feed: new videos and posts of the creators you follow, newest first',
    description: `${SIGNED_IN}Keyset cursor. People you mute or block (or who block you) are left out; unpublished videos and deleted or held posts disappear at once. Videos your plan does not open are listed with \`locked: true\`.`,
  })
  @ApiOkResponse({ type: FeedPageResponse })
  @ApiProblems(400, 401)
  feed(@CurrentUser() principal: Principal, @Query() page: CursorPageQuery) {
    return this.queries.execute(new GetFeedQuery(principal.userId, page.limit, page.cursor));
  }

  @Get('feed/whats-new')
  @Public()
  @ApiOperation({
    summary: "What's new on the platform, for logged-out visitors",
    description: `**Access: public (no account).** Recent free videos (out of early access) and public posts, newest first; cached for FEED_WHATS_NEW_CACHE_SECONDS.`,
  })
  @ApiOkResponse({ type: WhatsNewResponse })
  @ApiProblems(400)
  whatsNew(@Query() query: WhatsNewQuery) {
    return this.queries.execute(new GetWhatsNewQuery(query.limit));
  }

  @Post('me/posts')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Write a post for your followers (optionally linking one of your published videos)',
    description: `${SIGNED_IN}At most POST_MAX_LENGTH characters (400 engagement.post.too-long; blank: engagement.post.invalid). A linked video must be yours and published (404 engagement.video.not-found, 422 engagement.post.video-not-own). Screened by trust & safety: refused (422 trust-safety.content.refused), or stored held/hidden and kept out of feeds until approved.`,
  })
  @ApiCreatedResponse({ type: PostResponse })
  @ApiProblems(400, 401, 404, 422)
  write(@CurrentUser() principal: Principal, @Body() body: WritePostRequest) {
    return this.commands.execute(new WritePostCommand(principal.userId, body.text, body.videoId ?? null));
  }

  @Delete('me/posts/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Delete your post',
    description: `${SIGNED_IN}Its author only; anyone else's, unknown and deleted posts are 404 engagement.post.not-found.`,
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  async remove(@CurrentUser() principal: Principal, @Param('id', uuid()) postId: string): Promise<void> {
    await this.commands.execute(new DeletePostCommand(principal.userId, postId));
  }

  @Get('creators/:id/posts')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "A creator's posts, newest first",
    description: `${SIGNED_IN}Public posts (the creator also sees their held ones); empty when either of you blocks the other.`,
  })
  @ApiOkResponse({ type: PostPageResponse })
  @ApiProblems(400, 401)
  posts(@CurrentUser() principal: Principal, @Param('id', uuid()) creatorId: string, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListCreatorPostsQuery(principal.userId, creatorId, page.limit, page.cursor));
  }
}
