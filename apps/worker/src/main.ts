import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { PlatformLogger, resolveRuntime, shutdownOnSignals } from '@lib/platform';
import { failStartup } from '../../startup.js';
import { WorkerModule } from './worker.module.js';

let app: INestApplicationContext | undefined;
try {
  const { config } = await resolveRuntime({ allowEmbedded: false });
  // Registered before booting: the worker starts consuming during boot, and may be stopped then.
  shutdownOnSignals(async () => app?.close(), config.shutdownGraceMs);
  app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(new PlatformLogger(app.get(Logger)));
} catch (error) {
  failStartup(error);
}
