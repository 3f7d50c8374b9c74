// NestJS 12 + @nestjs/platform-fastify with one controller and nothing of ours: what the framework alone costs
// on GET /health/live. The `--live` run measures it beside bare Fastify and the api app, so the app's own share
// of the gap (hooks, guards, headers, logging, metrics) is a same-run number, not a figure from elsewhere.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

const { PORT = '0', HOST = '127.0.0.1' } = process.env;

// Decorators applied by hand: the bench runs plain JavaScript.
class HealthController {
  live() {
    return { status: 'ok' };
  }
  ready() {
    return { status: 'ok' };
  }
}
Controller('health')(HealthController);
for (const [method, path] of [
  ['live', 'live'],
  ['ready', 'ready'],
]) {
  Get(path)(HealthController.prototype, method, Object.getOwnPropertyDescriptor(HealthController.prototype, method));
}
class AppModule {}
Module({ controllers: [HealthController] })(AppModule);

const app = await NestFactory.create(AppModule, new FastifyAdapter({ logger: false }), { logger: false });
await app.listen(Number(PORT), HOST);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
