import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { PlatformLogger, resolveRuntime, shutdownOnSignals } from '@lib/platform';
import { failStartup } from '../../startup.js';
import { WorkerModule } from './worker.module.js';

try {
  const { config } = await resolveRuntime({ allowEmbedded: false });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(new PlatformLogger(app.get(Logger)));
  await app.init();
  shutdownOnSignals(() => app.close(), config.shutdownGraceMs);
} catch (error) {
  failStartup(error);
}
