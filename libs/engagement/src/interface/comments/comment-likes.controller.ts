import { Controller, Delete, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { SetCommentLikeCommand } from '../../application/comments/commands/set-comment-like/set-comment-like.command.js';
import { LikeStateResponse } from '../http/interactions.dto.js';

const uuid = () => new ParseUUIDPipe();
const WHO_MAY =
  "**Access: any signed-in account** that can see the comment: a public comment of a published video, by someone neither side blocks (403 `engagement.restriction.blocked`). 30 likes and unlikes a minute, videos' included (429). `likes` is the comment's count after the change.";

@ApiTags('comments')
@ApiBearerAuth()
@Controller('v1/comments/:id')
export class CommentLikesController {
  constructor(private readonly commands: CommandBus) {}

  @Put('like')
  @ApiOperation({ summary: 'Like a comment (again is harmless)', description: WHO_MAY })
  @ApiOkResponse({ type: LikeStateResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  like(@CurrentUser() principal: Principal, @Param('id', uuid()) commentId: string) {
    return this.commands.execute(new SetCommentLikeCommand(principal.userId, commentId, true));
  }

  @Delete('like')
  @ApiOperation({ summary: 'Take back a like of a comment (none is harmless)', description: WHO_MAY })
  @ApiOkResponse({ type: LikeStateResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  unlike(@CurrentUser() principal: Principal, @Param('id', uuid()) commentId: string) {
    return this.commands.execute(new SetCommentLikeCommand(principal.userId, commentId, false));
  }
}
