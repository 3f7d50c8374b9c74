import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@config';
import { PROBLEM_CONTENT_TYPE, problem } from '../http/problem.js';
import { ProcessRole } from '../process-role.js';
import { HealthChecks } from './health-checks.js';
import { Metrics } from './metrics.js';

/**
 * A separate worker's probe endpoints on WORKER_HTTP_PORT, for an orchestrator: `/health/live`,
 * `/health/ready` (PostgreSQL, Redis, search) and `/metrics`, answered by the same HealthChecks and
 * Metrics as the API's routes. A plain node:http server: the worker has no Nest HTTP stack, and a
 * process that also serves the API (npm start) uses the API's routes instead.
 */
@Injectable()
export class WorkerProbeServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerProbeServer.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly role: ProcessRole,
    private readonly checks: HealthChecks,
    private readonly metrics: Metrics,
  ) {}

  /** Where it listens (undefined before boot and in processes that serve the API). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.role.worker || this.role.http) return;
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      const refuse = (status: number, code: string, detail: string) =>
        send(status, PROBLEM_CONTENT_TYPE, JSON.stringify(problem(status, code, detail)));
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return refuse(405, 'http.method-not-allowed', 'Probes answer GET only');
      const answer = async () => {
        if (path === '/health/live') return send(200, 'application/json', JSON.stringify({ status: 'ok' }));
        if (path === '/health/ready') {
          const readiness = await this.checks.readiness();
          return send(readiness.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(readiness));
        }
        if (path === '/metrics')
          return send(200, 'text/plain; version=0.0.4; charset=utf-8', await this.metrics.registry.metrics());
        return refuse(404, 'http.not-found', 'Not found');
      };
      answer().catch((error: unknown) => {
        this.logger.error({ err: error }, 'probe failed');
        if (!res.headersSent) refuse(500, 'http.internal-error', 'The probe failed; it has been logged');
      });
    });
    const { host, port, required } = this.config.workerHttp;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
    } catch (error) {
      // A port someone chose must work; the default one may be another worker's on the same host.
      if (required || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      this.logger.warn({ host, port }, 'worker probes not served: the default port is taken (set WORKER_HTTP_PORT)');
      return;
    }
    this.server = server;
    this.logger.log({ host, port: this.port }, 'worker probes listening (/health/live, /health/ready, /metrics)');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
