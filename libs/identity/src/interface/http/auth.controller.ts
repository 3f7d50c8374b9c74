import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiAcceptedResponse,
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
import { RequestEmailVerificationCommand } from '../../application/commands/request-email-verification/request-email-verification.command.js';
import { RequestPasswordResetCommand } from '../../application/commands/request-password-reset/request-password-reset.command.js';
import { ResetPasswordCommand } from '../../application/commands/reset-password/reset-password.command.js';
import { VerifyEmailCommand } from '../../application/commands/verify-email/verify-email.command.js';
import {
  AuthResponse,
  LogInRequest,
  PasswordResetRequest,
  RefreshRequest,
  RegisterRequest,
  ResetPasswordRequest,
  TokenPairResponse,
  VerifyEmailRequest,
  VerifyEmailResponse,
} from './auth.dto.js';

export function clientOf(request: FastifyRequest): { ip: string; userAgent: string | null } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an account and log in', description: 'Mails the first e-mail verification link.' })
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

  @Post('verify-email/request')
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Mail a new verification link to my address',
    description: 'The account owner only (no API key); a few per hour.',
  })
  @ApiAcceptedResponse({ description: 'The mail is on its way' })
  @ApiProblems(401, 403, 409, 429)
  async requestEmailVerification(@CurrentUser() principal: Principal): Promise<void> {
    await this.commands.execute(new RequestEmailVerificationCommand(principal.userId));
  }

  @Public()
  @Post('verify-email')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify my e-mail address with the token from the mailed link',
    description:
      'Anyone holding the link (it may be opened on another device). Each link works once and expires: ' +
      '400 `identity.email-verification.invalid`, `.expired` or `.used`.',
  })
  @ApiOkResponse({ type: VerifyEmailResponse })
  @ApiProblems(400, 429)
  verifyEmail(@Body() body: VerifyEmailRequest) {
    return this.commands.execute(new VerifyEmailCommand(body.token));
  }

  @Public()
  @Post('password-reset/request')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a password reset link',
    description: 'Anyone. The same 202 whether or not the address has an account; limited per address and per caller.',
  })
  @ApiAcceptedResponse({ description: 'If the address has an account, a link is on its way' })
  @ApiProblems(400, 429)
  async requestPasswordReset(@Body() body: PasswordResetRequest, @Req() request: FastifyRequest): Promise<void> {
    await this.commands.execute(new RequestPasswordResetCommand(body.email, clientOf(request)));
  }

  @Public()
  @Post('password-reset')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Choose a new password with the token from the mailed link',
    description:
      'Anyone holding the link. Each link works once and expires (400 `identity.password-reset.invalid`, ' +
      '`.expired` or `.used`); a reset ends every session of the account, its sockets included.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 429)
  async resetPassword(@Body() body: ResetPasswordRequest): Promise<void> {
    await this.commands.execute(new ResetPasswordCommand(body.token, body.password));
  }
}
