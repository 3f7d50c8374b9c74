import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type Principal } from '@lib/platform';
import { ContentScreening } from '../../contracts/index.js';
import { DryRunRequest, VerdictResponse } from '../policy/moderation-policy.dto.js';

@ApiTags('admin: moderation')
@ApiBearerAuth()
@Roles('moderator')
@Controller('v1/admin/moderation/screen')
export class ScreeningDryRunController {
  constructor(private readonly screening: ContentScreening) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'What the policy in force would do with a text (moderators and admins); records and counts nothing',
  })
  @ApiOkResponse({ type: VerdictResponse })
  @ApiProblems(400, 401, 403)
  screen(@CurrentUser() principal: Principal, @Body() body: DryRunRequest) {
    return this.screening.check({
      surface: body.surface,
      text: body.text,
      authorId: body.authorId ?? principal.userId,
    });
  }
}
