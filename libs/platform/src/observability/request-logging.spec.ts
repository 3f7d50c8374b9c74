import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { Logger as NestPinoLogger, type PinoLogger } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { pinoHttp } from 'pino-http';
import { AppConfig, readEnvironment } from '@config';
import { loggingParams, requestIdOf } from './logging.module.js';
import { PlatformLogger } from './platform-logger.js';
import { installRequestLogging, requestScopedLogger } from './request-logging.js';

type Line = Record<string, any>;

/** A Fastify app logging through the platform's own root logger options into memory, as createHttpApp wires it. */
async function loggedApp(level = 'info'): Promise<{ app: FastifyInstance; lines: Line[] }> {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  const services = { databaseUrl: 'postgres://unused', redisUrl: 'redis://unused', jwtSecret: 'x'.repeat(32) };
  const options = loggingParams(new AppConfig(readEnvironment({ LOG_LEVEL: level }), services)).pinoHttp as Options;
  const root = pinoHttp(options, sink).logger;
  Logger.overrideLogger(new PlatformLogger(new NestPinoLogger(requestScopedLogger(root) as unknown as PinoLogger, {})));

  const app = Fastify({ genReqId: requestIdOf });
  installRequestLogging(app, root);
  app.get('/v1/things', async (_request, reply) => {
    new Logger('Things').warn('listing things');
    void reply.header('set-cookie', 'session=secret-cookie');
    return { password: 'hunter2', items: [] };
  });
  app.get('/v1/broken', async (_request, reply) => reply.code(503).send({ status: 503 }));
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/metrics', async () => 'metrics');
  await app.ready();
  return { app, lines };
}

describe('request logging', () => {
  afterAll(() => Logger.overrideLogger(false));

  it('writes one line per request with its id, method, url, status, headers and response time', async () => {
    const { app, lines } = await loggedApp();
    const answer = await app.inject({
      method: 'GET',
      url: '/v1/things?page=2',
      headers: { 'x-request-id': 'trace-1' },
    });
    expect(answer.statusCode).toBe(200);
    const requestLines = lines.filter((line) => line.msg === 'request completed');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      level: 30,
      req: { id: 'trace-1', method: 'GET', url: '/v1/things?page=2' },
      res: { statusCode: 200, headers: expect.objectContaining({ 'content-type': expect.stringContaining('json') }) },
      responseTime: expect.any(Number),
    });
    await app.close();
  });

  it('redacts cookies it sets and never logs the body', async () => {
    const { app, lines } = await loggedApp();
    await app.inject({ method: 'GET', url: '/v1/things', headers: { authorization: 'Bearer secret-token' } });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('secret-cookie');
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('hunter2');
    expect(lines.find((line) => line.msg === 'request completed')?.res.headers['set-cookie']).toBe('[redacted]');
    await app.close();
  });

  it("gives what the request logs through Nest's Logger the request's id", async () => {
    const { app, lines } = await loggedApp();
    await app.inject({ method: 'GET', url: '/v1/things', headers: { 'x-request-id': 'trace-2' } });
    await app.inject({ method: 'GET', url: '/v1/things', headers: { 'x-request-id': 'trace-3' } });
    const own = lines.filter((line) => line.msg === 'listing things');
    expect(own.map((line) => [line.level, line.context, line.req.id])).toEqual([
      [40, 'Things', 'trace-2'],
      [40, 'Things', 'trace-3'],
    ]);
    await app.close();
  });

  it('marks a 5xx answer as errored and leaves health checks and metrics scrapes out', async () => {
    const { app, lines } = await loggedApp();
    await app.inject({ method: 'GET', url: '/v1/broken' });
    await app.inject({ method: 'GET', url: '/health/live' });
    await app.inject({ method: 'GET', url: '/metrics' });
    expect(lines.map((line) => line.msg)).toEqual(['request errored']);
    expect(lines[0]).toMatchObject({ res: { statusCode: 503 }, err: { message: 'failed with status code 503' } });
    await app.close();
  });

  it('writes nothing per request below the info level', async () => {
    const { app, lines } = await loggedApp('warn');
    await app.inject({ method: 'GET', url: '/v1/broken' });
    expect(lines).toEqual([]);
    await app.close();
  });
});
