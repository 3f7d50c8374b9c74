import { createHash } from 'node:crypto';
import type { Environment } from './environment.js';

/** Where the platform's backing services are, once embedded ones (if any) have started. */
export interface ResolvedServices {
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
}

/** The typed configuration every module injects (`constructor(private readonly config: AppConfig)`). */
export class AppConfig {
  readonly nodeEnv: Environment['NODE_ENV'];
  readonly dataDir: string;
  readonly logLevel: Environment['LOG_LEVEL'];
  readonly shutdownGraceMs: number;
  /** The separate worker's probe server (health and metrics); the API serves its own on `http`. */
  /** `required`: WORKER_HTTP_PORT was set, so a taken port stops the worker (unset: 3001, skipped when taken). */
  readonly workerHttp: { host: string; port: number; required: boolean };
  readonly http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    corsOrigins: string[] | '*';
    trustProxy: boolean;
    docsEnabled: boolean;
  };
  readonly database: { url: string; poolMax: number; poolAcquireTimeoutMs: number; poolIdleTimeoutMs: number };
  readonly redis: { url: string; prefix: string };
  readonly search: { elasticsearchNode?: string; indexPrefix: string };
  readonly auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    /** Days ended or lapsed sessions and expired refresh tokens are kept (the retention job deletes them after). */
    sessionRetentionDays: number;
    login: { maxAttemptsPerIp: number; maxFailuresPerAccount: number; windowSeconds: number };
    registrationsPerIpPerHour: number;
    emailVerificationTtlSeconds: number;
    passwordResetTtlSeconds: number;
    /** argon2id cost of each new password hash. */
    passwordHashing: { memoryKib: number; passes: number };
  };
  /** The budget of every mutating route and socket event (ADR 0033). */
  readonly writeRateLimit: { perUser: number; perIp: number; windowSeconds: number };
  readonly admin?: { email: string; password: string };
  readonly outbox: { pollIntervalMs: number; batchSize: number };
  /** Bull's lock on a running job and its check for jobs whose worker died (stalled). */
  readonly queues: { lockDurationMs: number; stalledIntervalMs: number; maxStalledCount: number };
  /** Where the API is reached from outside, and the web app users return to. */
  /** `returnOrigins`: where checkout may send users back (APP_URL's origin first, then APP_RETURN_ORIGINS). */
  readonly urls: { public: string; app: string; returnOrigins: string[] };
  readonly billing: {
    /** Real Stripe (a key is set), the built-in sandbox (local runs), or none (production without a key). */
    provider: 'stripe' | 'sandbox' | 'none';
    stripe: {
      secretKey?: string;
      webhookSecret?: string;
      host?: string;
      port?: number;
      protocol?: 'http' | 'https';
      webhookToleranceSeconds: number;
    };
    graceDays: number;
    refundWindowDays: number;
    /** Lifetimes of the sandbox's page links (unused with real Stripe). */
    sandbox: { checkoutTtlSeconds: number; portalTtlSeconds: number; invoiceLinkTtlDays: number };
    /** Tips to creators: limits in minor units of `currency`, and the platform's commission in percent. */
    tips: { min: number; max: number; currency: string; commissionPercent: number };
  };
  /** Direct messages: limits and windows. */
  readonly messaging: {
    maxLength: number;
    groupMaxMembers: number;
    editWindowSeconds: number;
    deleteWindowSeconds: number;
    rate: { points: number; windowSeconds: number };
    typingTtlMs: number;
  };
  /** Video comments: longest text, edit window, @mention cap when trust & safety sets none. */
  readonly comments: { maxLength: number; editWindowSeconds: number; defaultMaxMentions: number };
  /** Followers notified per fan-out job. */
  readonly notifications: { fanOutBatchSize: number };
  /** Serving recommendations: cache, upgrade teasers, the neighbour job (docs/adr/0044). */
  readonly recommendations: {
    cacheTtlSeconds: number;
    lockedVideos: 'teaser' | 'drop';
    neighboursEveryMs: number;
    viewThresholdSeconds: number;
    coWatchPartners: number;
    /** Watch time under which a video left for another counts as skipped (0: never), and the switch window. */
    skipSeconds: number;
    skipWindowMs: number;
  };
  /** Creator posts and the activity feed (ADR 0037). */
  readonly feed: {
    postMaxLength: number;
    bigCreatorFollowers: number;
    fanOutBatchSize: number;
    inboxCap: number;
    backfillItems: number;
    whatsNewCacheSeconds: number;
  };
  /** The SMTP server (unset: mail is logged, not sent) and the From of every mail. */
  readonly mail: { url?: string; from: string };
  /** Studio channels: how many invitations one user may send per window. */
  readonly studio: { invitationRate: { points: number; windowSeconds: number } };
  /** Trust & safety: repeat offenders (violations within a window) are timed out automatically. */
  readonly moderation: {
    escalation: { violations: number; windowDays: number; timeoutHours: number };
    dmca: {
      restoreBusinessDays: number;
      restoreDelaySeconds: number | null;
      repeatInfringerNotices: number;
      /** ISO dates (UTC) not counted as business days, besides the US federal ones when `usFederalHolidays`. */
      holidays: ReadonlySet<string>;
      usFederalHolidays: boolean;
    };
    /** Level-0 gates: no messages to non-followers, no links. */
    newAccountGates: boolean;
  };
  /** Studio media: storage, ffmpeg, upload limits by plan, probe limits, signed URL lifetime. */
  readonly media: {
    storage:
      | { kind: 'local'; root: string }
      | {
          kind: 's3';
          bucket: string;
          region: string;
          endpoint?: string;
          accessKeyId?: string;
          secretAccessKey?: string;
        };
    /** Where tus keeps partial uploads and ffmpeg its scratch files (always local disk). */
    workDir: string;
    ffmpegPath: string;
    ffprobePath: string;
    ffmpegConcurrency: number;
    ffmpegTimeoutMs: number;
    /** Upload size limit by the channel owner's plan id, and for any other plan. */
    uploadMaxBytes: { byPlan: Record<string, number>; otherwise: number };
    maxDurationSeconds: number;
    urlTtlSeconds: number;
  };

  /** Ads for the free tier: frequency cap, catalogue cache, pacing slack, token lifetime, creator share (docs/adr/0054). */
  readonly ads: {
    frequencyCap: number;
    frequencyWindowMs: number;
    catalogCacheMs: number;
    pacingSlack: number;
    tokenTtlSeconds: number;
    creatorRevenueShare: number;
    /** Between the worker's revenue settlements; 0: none (the admin route settles). */
    settlementIntervalMs: number;
    /** HMAC key of decision tokens, derived from JWT_SECRET so no deployment runs without one. */
    tokenSecret: string;
  };

  /** Insights: ingestion limits, raw event retention, view counting, rollup and live push cadence. */
  readonly insights: {
    maxBatch: number;
    maxFutureSkewMs: number;
    maxEventAgeMs: number;
    retentionDays: number;
    /** Days finished exports (rows and files) are kept. */
    exportRetentionDays: number;
    partitionsAheadDays: number;
    viewWindowMinutes: number;
    heartbeatSeconds: number;
    countryHeader: string;
    defaultCountry?: string;
    rollupIntervalMs: number;
    livePushIntervalMs: number;
    exportDir: string;
  };

  /** Trending: recompute cadence, half-lives, trust weights, brigade damping, list size, cache (docs/adr/0038). */
  readonly trending: {
    recomputeEveryMs: number;
    halfLifeMs: { '24h': number; '7d': number };
    minScore: number;
    trustWeights: number[];
    brigade: { windowMs: number; minAccounts: number; maxTrustLevel: number; damping: number };
    listSize: number;
    cacheTtlSeconds: number;
  };

  constructor(env: Environment, services: ResolvedServices) {
    this.nodeEnv = env.NODE_ENV;
    this.dataDir = env.DATA_DIR;
    this.logLevel = env.LOG_LEVEL;
    this.shutdownGraceMs = env.SHUTDOWN_GRACE_MS;
    this.workerHttp = {
      host: env.HOST,
      port: env.WORKER_HTTP_PORT ?? 3001,
      required: env.WORKER_HTTP_PORT !== undefined,
    };
    const origins = env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    this.http = {
      host: env.HOST,
      port: env.PORT,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      corsOrigins: origins.includes('*') ? '*' : origins,
      trustProxy: env.TRUST_PROXY,
      docsEnabled: env.DOCS_ENABLED,
    };
    this.database = {
      url: services.databaseUrl,
      poolMax: env.DATABASE_POOL_MAX,
      poolAcquireTimeoutMs: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
      poolIdleTimeoutMs: env.DATABASE_POOL_IDLE_TIMEOUT_MS,
    };
    this.redis = { url: services.redisUrl, prefix: env.REDIS_PREFIX };
    this.search = { elasticsearchNode: env.ELASTICSEARCH_NODE, indexPrefix: env.SEARCH_INDEX_PREFIX };
    this.auth = {
      jwtSecret: services.jwtSecret,
      accessTokenTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
      sessionRetentionDays: env.IDENTITY_SESSION_RETENTION_DAYS,
      login: {
        maxAttemptsPerIp: env.LOGIN_MAX_ATTEMPTS_PER_IP,
        maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        windowSeconds: env.LOGIN_WINDOW_SECONDS,
      },
      registrationsPerIpPerHour: env.REGISTRATIONS_PER_IP_PER_HOUR,
      emailVerificationTtlSeconds: env.EMAIL_VERIFICATION_TTL_SECONDS,
      passwordResetTtlSeconds: env.PASSWORD_RESET_TTL_SECONDS,
      passwordHashing: { memoryKib: env.PASSWORD_HASH_MEMORY_KIB, passes: env.PASSWORD_HASH_PASSES },
    };
    this.writeRateLimit = {
      perUser: env.WRITE_RATE_LIMIT_PER_USER,
      perIp: env.WRITE_RATE_LIMIT_PER_IP,
      windowSeconds: env.WRITE_RATE_WINDOW_SECONDS,
    };
    if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) this.admin = { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD };
    this.outbox = { pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS, batchSize: env.OUTBOX_BATCH_SIZE };
    this.queues = {
      lockDurationMs: env.QUEUE_LOCK_DURATION_MS,
      stalledIntervalMs: env.QUEUE_STALLED_INTERVAL_MS,
      maxStalledCount: env.QUEUE_MAX_STALLED_COUNT,
    };
    const publicUrl = (
      env.PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`
    ).replace(/\/$/, '');
    const appUrl = (env.APP_URL ?? publicUrl).replace(/\/$/, '');
    const returnOrigins = env.APP_RETURN_ORIGINS.split(',')
      .map((o) => o.trim().toLowerCase())
      .filter(Boolean);
    this.urls = { public: publicUrl, app: appUrl, returnOrigins: [new URL(appUrl).origin, ...returnOrigins] };
    this.billing = {
      provider: env.STRIPE_SECRET_KEY ? 'stripe' : env.NODE_ENV === 'production' ? 'none' : 'sandbox',
      stripe: {
        secretKey: env.STRIPE_SECRET_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
        host: env.STRIPE_API_HOST,
        port: env.STRIPE_API_PORT,
        protocol: env.STRIPE_API_PROTOCOL,
        webhookToleranceSeconds: env.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
      },
      graceDays: env.BILLING_GRACE_DAYS,
      refundWindowDays: env.BILLING_REFUND_WINDOW_DAYS,
      sandbox: {
        checkoutTtlSeconds: env.BILLING_SANDBOX_CHECKOUT_TTL_SECONDS,
        portalTtlSeconds: env.BILLING_SANDBOX_PORTAL_TTL_SECONDS,
        invoiceLinkTtlDays: env.BILLING_SANDBOX_INVOICE_LINK_TTL_DAYS,
      },
      tips: {
        min: env.TIP_MIN_AMOUNT,
        max: env.TIP_MAX_AMOUNT,
        currency: env.TIP_CURRENCY.toLowerCase(),
        commissionPercent: env.TIP_COMMISSION_PERCENT,
      },
    };
    this.messaging = {
      maxLength: env.MESSAGE_MAX_LENGTH,
      groupMaxMembers: env.GROUP_MAX_MEMBERS,
      editWindowSeconds: env.MESSAGE_EDIT_WINDOW_SECONDS,
      deleteWindowSeconds: env.MESSAGE_DELETE_WINDOW_SECONDS,
      rate: { points: env.MESSAGE_RATE_LIMIT, windowSeconds: env.MESSAGE_RATE_WINDOW_SECONDS },
      typingTtlMs: env.TYPING_TTL_MS,
    };
    this.comments = {
      maxLength: env.COMMENT_MAX_LENGTH,
      editWindowSeconds: env.COMMENT_EDIT_WINDOW_SECONDS,
      defaultMaxMentions: env.COMMENT_DEFAULT_MAX_MENTIONS,
    };
    this.notifications = { fanOutBatchSize: env.NOTIFICATION_FANOUT_BATCH };
    this.trending = {
      recomputeEveryMs: env.TRENDING_RECOMPUTE_EVERY_SECONDS * 1_000,
      halfLifeMs: {
        '24h': env.TRENDING_HALF_LIFE_24H_MINUTES * 60_000,
        '7d': env.TRENDING_HALF_LIFE_7D_MINUTES * 60_000,
      },
      minScore: env.TRENDING_MIN_SCORE,
      trustWeights: env.TRENDING_TRUST_WEIGHTS.split(',').map((weight) => Number(weight.trim())),
      brigade: {
        windowMs: env.TRENDING_BRIGADE_WINDOW_SECONDS * 1_000,
        minAccounts: env.TRENDING_BRIGADE_MIN_ACCOUNTS,
        maxTrustLevel: env.TRENDING_BRIGADE_MAX_TRUST_LEVEL,
        damping: env.TRENDING_BRIGADE_DAMPING,
      },
      listSize: env.TRENDING_LIST_SIZE,
      cacheTtlSeconds: env.TRENDING_CACHE_TTL_SECONDS,
    };
    this.recommendations = {
      cacheTtlSeconds: env.RECS_CACHE_TTL_SECONDS,
      lockedVideos: env.RECS_LOCKED_VIDEOS,
      neighboursEveryMs: env.RECS_NEIGHBOURS_EVERY_SECONDS * 1_000,
      viewThresholdSeconds: env.RECS_VIEW_THRESHOLD_SECONDS,
      coWatchPartners: env.RECS_COWATCH_PARTNERS,
      skipSeconds: env.RECS_SKIP_SECONDS,
      skipWindowMs: env.RECS_SKIP_WINDOW_MINUTES * 60_000,
    };
    this.feed = {
      postMaxLength: env.POST_MAX_LENGTH,
      bigCreatorFollowers: env.FEED_BIG_CREATOR_FOLLOWERS,
      fanOutBatchSize: env.FEED_FANOUT_BATCH,
      inboxCap: env.FEED_INBOX_CAP,
      backfillItems: env.FEED_BACKFILL_ITEMS,
      whatsNewCacheSeconds: env.FEED_WHATS_NEW_CACHE_SECONDS,
    };
    this.mail = { url: env.MAIL_URL, from: env.MAIL_FROM };
    this.ads = {
      frequencyCap: env.AD_FREQUENCY_CAP,
      frequencyWindowMs: env.AD_FREQUENCY_WINDOW_HOURS * 3_600_000,
      catalogCacheMs: env.AD_CATALOG_CACHE_SECONDS * 1_000,
      pacingSlack: env.AD_PACING_SLACK,
      tokenTtlSeconds: env.AD_TOKEN_TTL_SECONDS,
      creatorRevenueShare: env.AD_CREATOR_REVENUE_SHARE,
      settlementIntervalMs: env.AD_SETTLEMENT_INTERVAL_MINUTES * 60_000,
      tokenSecret: createHash('sha256').update(`showrunner-ad-decisions:${services.jwtSecret}`).digest('hex'),
    };
    this.insights = {
      maxBatch: env.INSIGHTS_MAX_BATCH,
      maxFutureSkewMs: env.INSIGHTS_MAX_FUTURE_SKEW_SECONDS * 1_000,
      maxEventAgeMs: env.INSIGHTS_MAX_EVENT_AGE_HOURS * 3_600_000,
      retentionDays: env.INSIGHTS_RETENTION_DAYS,
      exportRetentionDays: env.INSIGHTS_EXPORT_RETENTION_DAYS,
      partitionsAheadDays: env.INSIGHTS_PARTITIONS_AHEAD_DAYS,
      viewWindowMinutes: env.INSIGHTS_VIEW_WINDOW_MINUTES,
      heartbeatSeconds: env.INSIGHTS_HEARTBEAT_SECONDS,
      countryHeader: env.INSIGHTS_COUNTRY_HEADER.toLowerCase(),
      defaultCountry: env.INSIGHTS_DEFAULT_COUNTRY?.toUpperCase(),
      rollupIntervalMs: env.INSIGHTS_ROLLUP_INTERVAL_SECONDS * 1_000,
      livePushIntervalMs: env.INSIGHTS_LIVE_PUSH_INTERVAL_MS,
      exportDir: `${env.DATA_DIR}/exports`,
    };
    this.studio = {
      invitationRate: {
        points: env.STUDIO_INVITATION_RATE_LIMIT,
        windowSeconds: env.STUDIO_INVITATION_RATE_WINDOW_SECONDS,
      },
    };
    this.moderation = {
      escalation: {
        violations: env.TRUST_SAFETY_ESCALATION_VIOLATIONS,
        windowDays: env.TRUST_SAFETY_ESCALATION_WINDOW_DAYS,
        timeoutHours: env.TRUST_SAFETY_ESCALATION_TIMEOUT_HOURS,
      },
      dmca: {
        restoreBusinessDays: env.TRUST_SAFETY_DMCA_RESTORE_BUSINESS_DAYS,
        restoreDelaySeconds: env.TRUST_SAFETY_DMCA_RESTORE_DELAY_SECONDS ?? null,
        repeatInfringerNotices: env.TRUST_SAFETY_DMCA_REPEAT_INFRINGER_NOTICES,
        holidays: new Set(env.DMCA_HOLIDAYS),
        usFederalHolidays: env.DMCA_US_FEDERAL_HOLIDAYS,
      },
      newAccountGates: env.TRUST_SAFETY_NEW_ACCOUNT_GATES,
    };
    this.media = {
      storage:
        env.MEDIA_STORAGE === 's3'
          ? {
              kind: 's3',
              bucket: env.MEDIA_S3_BUCKET!,
              region: env.MEDIA_S3_REGION,
              endpoint: env.MEDIA_S3_ENDPOINT,
              accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID,
              secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY,
            }
          : { kind: 'local', root: env.MEDIA_LOCAL_ROOT ?? `${env.DATA_DIR}/media` },
      workDir: `${env.DATA_DIR}/media-work`,
      ffmpegPath: env.FFMPEG_PATH ?? 'ffmpeg',
      ffprobePath:
        env.FFPROBE_PATH ?? (env.FFMPEG_PATH ? env.FFMPEG_PATH.replace(/ffmpeg(\.exe)?$/, 'ffprobe$1') : 'ffprobe'),
      ffmpegConcurrency: env.MEDIA_FFMPEG_CONCURRENCY,
      ffmpegTimeoutMs: env.MEDIA_FFMPEG_TIMEOUT_SECONDS * 1_000,
      uploadMaxBytes: {
        byPlan: Object.fromEntries(
          env.MEDIA_UPLOAD_MAX_BYTES_BY_PLAN.split(',')
            .map((pair) => pair.trim().split(':'))
            .filter(([plan, bytes]) => plan && bytes)
            .map(([plan, bytes]) => [plan, Number(bytes)]),
        ),
        otherwise: env.MEDIA_UPLOAD_MAX_BYTES,
      },
      maxDurationSeconds: env.MEDIA_MAX_DURATION_SECONDS,
      urlTtlSeconds: env.MEDIA_URL_TTL_SECONDS,
    };
  }
}
