import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AllowedWhileSuspended, ApiProblems, CurrentUser, Public, type Principal } from '@lib/platform';
import { LogInCommand } from '../../application/commands/log-in/log-in.command.js';
import { LogOutCommand } from '../../application/commands/log-out/log-out.command.js';
import { RefreshSessionCommand } from '../../application/commands/refresh-session/refresh-session.command.js';
import { RegisterUserCommand } from '../../application/commands/register-user/register-user.command.js';
import { AuthResponse, LogInRequest, RefreshRequest, RegisterRequest, TokenPairResponse } from './auth.dto.js';

export function clientOf(request: FastifyRequest): { ip: string; userAgent: string | null } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an account and log in' })
  @ApiCreatedResponse({ type: AuthResponse })
  @ApiProblems(400, 409, 413, 429)
  register(@Body() body: RegisterRequest, @Req() request: FastifyRequest) {
    return this.commands.execute(
      new RegisterUserCommand(body.email, body.password, body.handle, body.displayName, clientOf(request)),
    );
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password', description: 'Rate limited per address and per account.' })
  @ApiOkResponse({ type: AuthResponse })
  @ApiProblems(400, 401, 429)
  logIn(@Body() body: LogInRequest, @Req() request: FastifyRequest) {
    return this.commands.execute(new LogInCommand(body.email, body.password, clientOf(request)));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description: 'Refresh tokens rotate: each works once. Presenting a used one ends its whole session.',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiProblems(400, 401)
  refresh(@Body() body: RefreshRequest) {
    return this.commands.execute(new RefreshSessionCommand(body.refreshToken));
  }

  @Post('logout')
  @AllowedWhileSuspended()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the current session (its access and refresh tokens stop working)' })
  @ApiNoContentResponse()
  @ApiProblems(401)
  async logOut(@CurrentUser() principal: Principal) {
    if (principal.sessionId) await this.commands.execute(new LogOutCommand(principal.userId, principal.sessionId));
  }
}
