import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { resolveRuntime, type PlatformRuntime } from '@lib/platform';
import { CliModule } from './cli.module.js';

/** Starts what a command needs, lazily: the configuration and services, then the application. */
export class CliContext {
  private resolved?: PlatformRuntime;
  private application?: INestApplicationContext;

  async init(): Promise<void> {
    // Reuses the embedded services of a running `npm start`, else starts them for this command.
    this.resolved = await resolveRuntime({ allowEmbedded: true, reuseRunning: true });
  }

  runtime(): PlatformRuntime {
    if (!this.resolved) throw new Error('CliContext.init() first');
    return this.resolved;
  }

  async app(): Promise<INestApplicationContext> {
    this.application ??= await NestFactory.createApplicationContext(CliModule.forRoot(this.runtime().config), {
      logger: ['error', 'warn'],
      abortOnError: false,
    });
    return this.application;
  }

  async close(): Promise<void> {
    await this.application?.close();
    await this.resolved?.stop();
  }
}
