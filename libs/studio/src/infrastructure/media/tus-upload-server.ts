import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Server } from '@tus/server';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { problem, RedisConnections, STATUS_BY_KIND } from '@lib/platform';
import { newId, DomainError } from '@lib/platform/ddd';
import { MediaUploads } from '../../application/media/media-uploads.js';
import { RedisTusLocker } from './redis-tus-locker.js';
import { createTusStore, type TusStore } from './tus-stores.js';

export const UPLOADS_ROUTE = '/v1/studio/uploads';
const TUS_CONTENT_TYPE = 'application/offset+octet-stream';
/** An upload not finished within a week is abandoned. */
const UPLOAD_EXPIRY_MS = 7 * 24 * 3_600_000;
const SWEEP_EVERY_MS = 3_600_000;
/** A finished upload no video used within 30 days is deleted. */
const UNCLAIMED_RETENTION_MS = 30 * 24 * 3_600_000;

/** tus answers a thrown error with its `status_code` and `body`; an Error keeps the stack for the log. */
class TusRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(`upload refused with ${status_code}`);
  }
}

/** What the controller learnt about the caller before handing the request to tus. */
interface UploadContext {
  userId: string;
  /** The upload the controller authorised (route parameter); tus acts on this id and no other. */
  uploadId?: string;
  /** Creation: the id the controller already counted against the owner's quotas (docs/adr/0057). */
  newUploadId?: string;
  channelId?: string;
  filename?: string;
}

/**
 * The tus server (resumable uploads). Partial uploads live where every API node reaches them (the
 * media bucket, or a folder under the shared media root) and are locked through Redis, so an upload
 * started through one node resumes through any other (docs/adr/0050). A finished one is validated
 * and moved into media storage, a rejected one deleted. Authorisation happens in the controller
 * before any byte reaches tus.
 */
@Injectable()
export class TusUploadServer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TusUploadServer.name);
  private readonly context = new AsyncLocalStorage<UploadContext>();
  readonly store: TusStore;
  readonly locker: RedisTusLocker;
  readonly server: Server;
  private sweeper?: NodeJS.Timeout;

  constructor(
    config: AppConfig,
    private readonly uploads: MediaUploads,
    private readonly adapterHost: HttpAdapterHost,
    private readonly orm: MikroORM,
    redis: RedisConnections,
  ) {
    this.store = createTusStore(config, UPLOAD_EXPIRY_MS);
    // Subscribed at the first lock: the worker builds this class too, and never locks.
    this.locker = new RedisTusLocker(redis.commands(), () => redis.dedicated(), { prefix: redis.prefix });
    const store = this.store;
    this.server = new Server({
      path: UPLOADS_ROUTE,
      datastore: store.datastore,
      locker: this.locker,
      respectForwardedHeaders: config.http.trustProxy,
      // The platform's CORS policy (tus answers these requests itself, outside Fastify's CORS hook).
      allowedOrigins: config.http.corsOrigins === '*' ? undefined : config.http.corsOrigins,
      allowedHeaders: ['authorization'],
      // Server-chosen ids (never from the client): no path tricks through the upload id.
      namingFunction: () => this.context.getStore()?.newUploadId ?? newId(),
      // tus would read the id from the end of the raw URL (query and fragment included): `…/<own>?x=/<victim's>`.
      getFileIdFromRequest: () => this.context.getStore()?.uploadId,
      // A forged Host or X-Forwarded-Host must not become the URL the client sends its bytes to.
      generateUrl: (_req, { path, id }) => `${config.urls.public}${path}/${id}`,
      onUploadCreate: async (_req, upload) => {
        const ctx = this.context.getStore();
        if (!ctx?.channelId)
          throw new TusRefusal(
            400,
            problemBody(400, 'studio.upload.metadata-invalid', 'Upload-Metadata must carry channelId'),
          );
        await uploads.created({
          id: upload.id,
          channelId: ctx.channelId,
          userId: ctx.userId,
          filename: ctx.filename ?? 'upload',
          size: upload.size ?? 0,
        });
        return {};
      },
      onUploadFinish: async (_req, upload) => {
        const copy = await store.localCopy(upload.id);
        try {
          const view = await uploads.finish(upload.id, copy.path);
          await store.discard(upload.id); // copied (not moved) when storage is not the same disk
          return { headers: { 'Upload-State': view.state } };
        } catch (error) {
          // Rejected or failed: the bytes go (a client may upload again under a new id).
          await store.discard(upload.id).catch(() => undefined);
          if (error instanceof DomainError) {
            const status = STATUS_BY_KIND[error.kind];
            throw new TusRefusal(
              status,
              problemBody(status, error.code, error.message, { ...error.details, uploadId: upload.id }),
            );
          }
          this.logger.error({ err: error, uploadId: upload.id }, 'upload finishing failed');
          throw new TusRefusal(
            500,
            problemBody(500, 'http.internal-error', 'The upload could not be finished; it has been logged'),
          );
        } finally {
          await copy.release();
        }
      },
    });
    this.answerRefusalsAsProblems();
  }

  /**
   * tus writes its own protocol refusals (412 without `Tus-Resumable`, 400 bad headers, 409 offset
   * conflict, 403/404/410…) as text/plain; every error answer goes through `Server.write`, so this is
   * where they become problem documents with a stable code, like every other refusal of the API.
   */
  private answerRefusalsAsProblems(): void {
    const write = this.server.write.bind(this.server);
    this.server.write = (context, headers, status, body = '') => {
      if (status < 400) return write(context, headers, status, body);
      headers.set('Content-Type', 'application/problem+json; charset=utf-8');
      if (isProblemBody(body)) return write(context, headers, status, body);
      const detail = body.trim().slice(0, 300) || 'The upload request was refused';
      return write(
        context,
        headers,
        status,
        problemBody(status, TUS_REFUSAL_CODES[status] ?? 'studio.upload.refused', detail),
      );
    };
  }

  /** tus bodies are streamed to disk by tus itself: Fastify must accept them without reading them. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.<
      | {
          hasContentTypeParser(type: string): boolean;
          addContentTypeParser(
            type: string,
            parser: (req: unknown, payload: unknown, done: (error: null) => void) => void,
          ): void;
        }
      | undefined
    >();
    if (!fastify) return; // the worker: no HTTP, no uploads
    if (!fastify.hasContentTypeParser(TUS_CONTENT_TYPE))
      fastify.addContentTypeParser(TUS_CONTENT_TYPE, (_req, _payload, done) => done(null));
    // Every API node sweeps the shared store; each step is idempotent, so overlapping sweeps are harmless.
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Deletes uploads left unfinished past the expiry (tus answers 410 for them afterwards), and finished ones never used. */
  async sweep(): Promise<number> {
    // Separate steps: a store that cannot list expired uploads (some S3-compatible servers) must not stop the rest.
    const removed = await this.server.cleanUpExpiredUploads().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'sweeping expired partial uploads failed');
      return 0;
    });
    try {
      await RequestContext.create(this.orm.em, async () => {
        await this.uploads.expireUnfinished(new Date(Date.now() - UPLOAD_EXPIRY_MS));
        await this.uploads.removeUnclaimed(new Date(Date.now() - UNCLAIMED_RETENTION_MS));
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'sweeping expired uploads failed');
    }
    return removed;
  }

  handle(ctx: UploadContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
    return this.context.run(ctx, () => this.server.handle(req, res));
  }
}

/** The stable codes of tus's own refusals, by status (tus gives no code of its own). */
const TUS_REFUSAL_CODES: Record<number, string> = {
  400: 'studio.upload.protocol-invalid',
  403: 'studio.upload.protocol-invalid',
  404: 'studio.upload.not-found',
  409: 'studio.upload.offset-conflict',
  410: 'studio.upload.expired',
  412: 'studio.upload.tus-resumable-required',
  413: 'studio.upload.too-large',
  415: 'studio.upload.protocol-invalid',
  500: 'http.internal-error',
};

const isProblemBody = (body: string): boolean => {
  try {
    return typeof (JSON.parse(body) as { code?: unknown }).code === 'string';
  } catch {
    return false;
  }
};

function problemBody(status: number, code: string, detail: string, details?: Record<string, unknown>): string {
  return JSON.stringify(problem(status, code, detail, details));
}
