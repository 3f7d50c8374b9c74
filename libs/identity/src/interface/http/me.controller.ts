import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyScope, ApiProblems, CurrentUser, WriteBudget, type Principal } from '@lib/platform';
import { CreateApiKeyCommand } from '../../application/commands/create-api-key/create-api-key.command.js';
import { RevokeApiKeyCommand } from '../../application/commands/revoke-api-key/revoke-api-key.command.js';
import { UpdateProfileCommand } from '../../application/commands/update-profile/update-profile.command.js';
import { GetUserQuery } from '../../application/queries/get-user/get-user.query.js';
import { ListApiKeysQuery } from '../../application/queries/list-api-keys/list-api-keys.query.js';
import { UserResponse } from './auth.dto.js';
import { ApiKeyResponse, CreateApiKeyRequest, CreatedApiKeyResponse, UpdateProfileRequest } from './me.dto.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiKeyScope('profile:read')
  @ApiOperation({ summary: 'The caller’s account' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(401, 402)
  me(@CurrentUser() principal: Principal) {
    return this.queries.execute(new GetUserQuery(principal.userId));
  }

  @Patch()
  @ApiKeyScope('profile:write')
  @ApiOperation({
    summary: 'Change the caller’s public profile',
    description:
      'Connected devices receive `profile.updated`. Names, handles and bios pass trust & safety’s screening: a text the moderation policy would refuse, hold or hide is answered 422 `trust-safety.content.refused` (with `rule` and `signals`) and the old value stays.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 402, 409, 422)
  update(@CurrentUser() principal: Principal, @Body() body: UpdateProfileRequest) {
    return this.commands.execute(new UpdateProfileCommand(principal.userId, body));
  }

  @Post('api-keys')
  // Minting credentials is rare for a person and the first thing a hijacked session does in bulk.
  @WriteBudget({ name: 'api-keys', perUser: 20, windowSeconds: 3_600 })
  @ApiOperation({
    summary: 'Create an API key',
    description:
      'The key is returned once; only its hash is kept. Needs `api_access` (Studio Pro): else 402 `billing.plan.upgrade-required` naming the cheapest plan; a key whose owner later loses `api_access` answers 402 on every request until they upgrade again.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  @ApiProblems(400, 401, 402, 403, 422)
  createApiKey(@CurrentUser() principal: Principal, @Body() body: CreateApiKeyRequest) {
    const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null;
    return this.commands.execute(new CreateApiKeyCommand(principal.userId, body.name, body.scopes, expiresAt));
  }

  @Get('api-keys')
  @ApiOperation({ summary: 'The caller’s API keys (never the keys themselves)' })
  @ApiOkResponse({ type: [ApiKeyResponse] })
  @ApiProblems(401, 403)
  listApiKeys(@CurrentUser() principal: Principal) {
    return this.queries.execute(new ListApiKeysQuery(principal.userId));
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key (effective immediately)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async revokeApiKey(@CurrentUser() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.commands.execute(new RevokeApiKeyCommand(principal.userId, id));
  }
}
