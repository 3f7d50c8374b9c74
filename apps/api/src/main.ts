import 'reflect-metadata';
import { createHttpApp, resolveRuntime, shutdownOnSignals } from '@lib/platform';
import { failStartup } from '../../startup.js';
import { ApiModule } from './api.module.js';

try {
  const runtime = await resolveRuntime({ allowEmbedded: false });
  const { config } = runtime;
  const app = await createHttpApp(ApiModule.forRoot(config), config);
  await app.listen({ port: config.http.port, host: config.http.host });
  shutdownOnSignals(() => app.close(), config.shutdownGraceMs);
} catch (error) {
  failStartup(error);
}
