import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, drainHttpApp, resolveRuntime, shutdownOnSignals } from '@lib/platform';
import { failStartup } from '../../startup.js';
import { ApiModule } from './api.module.js';

let app: NestFastifyApplication | undefined;
try {
  const { config } = await resolveRuntime({ allowEmbedded: false });
  // Registered before booting: a signal during start-up still closes whatever was opened.
  shutdownOnSignals(async () => {
    if (app) await drainHttpApp(app);
    await app?.close();
  }, config.shutdownGraceMs);
  app = await createHttpApp(ApiModule.forRoot(config), config);
  await app.listen({ port: config.http.port, host: config.http.host });
} catch (error) {
  failStartup(error);
}
