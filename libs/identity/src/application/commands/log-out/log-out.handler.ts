import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionRevocations } from '@lib/platform';
import { SessionRepository } from '../../../domain/session/session.repository.js';
import { LogOutCommand } from './log-out.command.js';

/** Ends the caller's session: its refresh tokens stop working, its access tokens are refused, its sockets close. */
@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly revocations: SessionRevocations,
  ) {}

  async execute(command: LogOutCommand): Promise<void> {
    const session = await this.sessions.findById(command.sessionId);
    if (!session || session.userId !== command.userId) return;
    session.end('logout');
    await this.sessions.save(session);
    // Once the end is saved: revoking also closes the session's sockets on every node.
    await this.revocations.revoke(session.id);
  }
}
