import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@config';
import { createHttpApp } from '../http/http-app.js';
import { createTestRuntime, type TestRuntime } from './test-runtime.js';
import type { TestDatabase } from './test-database.js';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as-is (for malformed or oversized bodies). */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  runtime: TestRuntime;
  url: string;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<HttpAnswer<T>>;
  close(): Promise<void>;
}

/** Sends a real HTTP request to a listening app (fetch), parsing JSON answers. */
export async function httpRequest<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  } else if (options.rawBody !== undefined) {
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** The HTTP application (with sockets) listening on a free port, on its own test database and Redis prefix. */
export async function startTestApp(
  build: (config: AppConfig) => DynamicModule,
  options: { env?: Record<string, string>; database?: TestDatabase } = {},
): Promise<TestApp> {
  const runtime = await createTestRuntime(options.env, options.database);
  const app = await createHttpApp(build(runtime.config), runtime.config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    config: runtime.config,
    runtime,
    url,
    request: (method, path, requestOptions) => httpRequest(url, method, path, requestOptions),
    close: async () => {
      await app.close();
      await runtime.dispose();
    },
  };
}

/** An application without HTTP (the worker's shape), on an existing or new test runtime. */
export async function startTestContext(
  build: (config: AppConfig) => DynamicModule,
  runtime: TestRuntime,
): Promise<INestApplicationContext> {
  // Built in two steps so that a boot that fails in init() can still release its connections.
  const context = await Test.createTestingModule({ imports: [build(runtime.config)] }).compile();
  context.useLogger(false);
  try {
    await context.init();
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
  return context;
}
