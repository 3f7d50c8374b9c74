import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'nestjs-pino';

// Nest's wiring chatter: one line per module and route at every boot.
const BOOT_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestFactory',
  'NestApplication',
]);

/** nestjs-pino's logger with Nest's boot chatter moved to debug, so a start shows what matters. */
export class PlatformLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) this.pino.debug(message, ...rest);
    else this.pino.log(message, ...rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.pino.error(message, ...rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.pino.warn(message, ...rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.pino.debug(message, ...rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.pino.verbose(message, ...rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.pino.fatal(message, ...rest);
  }
}
