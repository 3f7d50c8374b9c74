import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrations } from '@migrations';
import { createHttpApp, drainHttpApp, migrateDatabase, resolveRuntime, shutdownOnSignals } from '@lib/platform';
import { failStartup } from '../../startup.js';
import { StandaloneModule } from './standalone.module.js';

/**
 * `npm start`: embedded services for the data folder, migrations, then API and worker in one process,
 * shut down in order on SIGINT/SIGTERM. `extra` modules are for process tests only.
 */
export async function runStandalone(extra: DynamicModule[] = []): Promise<void> {
  let app: NestFastifyApplication | undefined;
  try {
    const runtime = await resolveRuntime({ allowEmbedded: true, ownsShutdown: true });
    const { config } = runtime;
    // Registered before booting: a signal during start-up still closes the app, then the services.
    shutdownOnSignals(
      async () => {
        if (app) await drainHttpApp(app);
        await app?.close();
      },
      config.shutdownGraceMs,
      {
        onSignal: () => runtime.markStopping(),
        release: () => runtime.stop(),
      },
    );
    try {
      const { applied } = await migrateDatabase(config.database.url, migrations, { silent: true });
      if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
      app = await createHttpApp(StandaloneModule.forRoot(config, extra), config);
      await app.listen({ port: config.http.port, host: config.http.host });
      const base = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
      console.log(
        [
          '',
          'Showrunner is running (API + worker in one process)',
          `  API            ${base}/v1`,
          `  API docs       ${base}/docs  (OpenAPI JSON: ${base}/docs-json)`,
          `  Queues         ${base}/admin/queues  (admin only)`,
          `  Health         ${base}/health/ready   Metrics ${base}/metrics`,
          `  PostgreSQL     ${runtime.embedded.postgres ? `embedded, data in ${config.dataDir}/postgres` : 'DATABASE_URL'}`,
          `  Redis          ${runtime.embedded.redis ? `local redis-server, data in ${config.dataDir}/redis` : 'REDIS_URL'}`,
          `  Search         ${config.search.elasticsearchNode ? `Elasticsearch at ${config.search.elasticsearchNode}` : 'PostgreSQL full text'}`,
          `  Payments       ${config.billing.provider === 'stripe' ? 'Stripe' : config.billing.provider === 'sandbox' ? 'sandbox (no card is charged; set STRIPE_SECRET_KEY for Stripe)' : 'not configured'}`,
          config.admin
            ? `  Admin          ${config.admin.email}`
            : '  Admin          none yet: set ADMIN_EMAIL/ADMIN_PASSWORD or run `npm run cli -- users:create-admin`',
          '',
        ].join('\n'),
      );
    } catch (error) {
      await runtime.stop();
      throw error;
    }
  } catch (error) {
    failStartup(error);
  }
}
