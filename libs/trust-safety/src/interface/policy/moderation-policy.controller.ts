import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type Principal } from '@lib/platform';
import { EditPolicyCommand } from '../../application/policy/edit-policy/edit-policy.command.js';
import { GetPolicyQuery } from '../../application/policy/get-policy/get-policy.query.js';
import { PolicyDocumentRequest, PolicyResponse, PolicyRuleDoc } from './moderation-policy.dto.js';

@ApiTags('admin: moderation')
@ApiBearerAuth()
@ApiExtraModels(PolicyRuleDoc)
@Controller('v1/admin/moderation/policy')
export class ModerationPolicyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('moderator')
  @ApiOperation({ summary: 'The moderation policy in force (moderators and admins)' })
  @ApiOkResponse({ type: PolicyResponse })
  @ApiProblems(401, 403)
  get() {
    return this.queries.execute(new GetPolicyQuery());
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace the moderation policy (admins): saved as the next version, in force on every node within 5 s',
    description:
      'Unknown surfaces, signals, actions or fields refuse the whole document: 400 `trust-safety.policy.invalid` with every `problems[]` entry (`field`, `code`, `allowed`). 409 `trust-safety.policy.edit-conflict` when another admin saved first.',
  })
  @ApiOkResponse({ type: PolicyResponse })
  @ApiProblems(400, 401, 403, 409)
  replace(@CurrentUser() principal: Principal, @Body() body: PolicyDocumentRequest) {
    return this.commands.execute(new EditPolicyCommand({ ...body }, principal.userId));
  }
}
