import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { BRANDING_MAX_UPLOAD_BYTES } from '../domain/channel/branding.js';

interface FastifyParsers {
  hasContentTypeParser(type: string | RegExp): boolean;
  addContentTypeParser(
    type: string | RegExp,
    options: { parseAs: 'buffer'; bodyLimit: number },
    parser: (req: unknown, body: Buffer, done: (error: null, body: Buffer) => void) => void,
  ): void;
}

const IMAGE = /^image\/[a-z0-9.+-]+$/i;

/**
 * Branding images arrive as the raw request body with their own `Content-Type`. Every `image/*` type
 * is read into a buffer here (up to the largest branding limit), so the use case, not Fastify's 415,
 * answers with a stable code which images are accepted.
 */
@Injectable()
export class BrandingBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.<FastifyParsers | undefined>();
    if (!fastify || fastify.hasContentTypeParser(IMAGE)) return; // the worker has no HTTP
    fastify.addContentTypeParser(
      IMAGE,
      { parseAs: 'buffer', bodyLimit: BRANDING_MAX_UPLOAD_BYTES },
      (_req, body, done) => done(null, body),
    );
  }
}
