import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  type ValidationError,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes((typeof value === 'string' ? value : JSON.stringify(value)).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
/** `a, b,,c` → ['a', 'b', 'c']; unset stays unset (the default applies). */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;
const toNumber = toInt; // Number() keeps decimals too
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the platform reads, with its default and rule.
 * `.env.example` documents the same list; `config/environment.spec.ts` keeps the two in step.
 */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Where embedded PostgreSQL and Redis keep their data between runs. */
  @IsString()
  DATA_DIR = '.data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// connection URL' })
  DATABASE_URL?: string;

  /** PostgreSQL connections per process (the API and the worker each hold one pool). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  DATABASE_POOL_MAX = 10;

  /** How long a query waits for a pooled connection before it fails (503): a pool that never frees up is an error, not a freeze. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS = 10_000;

  /** How long a pooled connection may sit idle before it is closed (0: never); pg's own default, 10 s, closed them between bursts (ADR 0080). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DATABASE_POOL_IDLE_TIMEOUT_MS = 60_000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** The redis-server binary started when REDIS_URL is not set (default: found on PATH). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  REDIS_SERVER_BIN?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  ELASTICSEARCH_NODE?: string;

  /** Namespaces every Redis key, queue and socket channel; lets several deployments share one Redis. */
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'must be 1-40 lowercase letters, digits, - or _' })
  REDIS_PREFIX = 'showrunner';

  /** Prefix of physical search index names (people-v1 becomes <prefix>-people-v1). */
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'must be 1-40 lowercase letters, digits, - or _' })
  SEARCH_INDEX_PREFIX = 'showrunner';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(3_600)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 86_400;

  /** Days an ended or lapsed session, and an expired refresh token, are kept before the retention job deletes them. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  IDENTITY_SESSION_RETENTION_DAYS = 30;

  /** argon2id memory per password hash, in KiB (64 MiB; production refuses less than OWASP's 19 MiB floor). */
  @Transform(toInt)
  @IsInt()
  @Min(1_024)
  PASSWORD_HASH_MEMORY_KIB = 65_536;

  /** argon2id passes per password hash (production refuses fewer than 2). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  PASSWORD_HASH_PASSES = 3;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /** Comma-separated origins allowed by CORS and the Socket.IO handshake; empty allows none, * allows all. */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toInt)
  @IsInt()
  @Min(1_024)
  BODY_LIMIT_BYTES = 1_048_576;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  @Transform(toBoolean)
  @IsBoolean()
  DOCS_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS = 1_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000)
  OUTBOX_BATCH_SIZE = 100;

  /** How long a worker holds a running job's lock; a job of a killed worker runs again once its lock expires. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  QUEUE_LOCK_DURATION_MS = 30_000;

  /** How often each worker looks for jobs whose lock expired (stalled: their worker died) and runs them again. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  QUEUE_STALLED_INTERVAL_MS = 30_000;

  /** How many times a job whose worker died runs again before it is failed (a job that kills its worker each time). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  QUEUE_MAX_STALLED_COUNT = 3;

  /**
   * Test-only fault points, comma-separated (`webhook.after-store`, `consumer.after-commit:engagement.welcome`):
   * the process SIGKILLs itself when it reaches one. Refused in production (docs/adr/0049).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  FAULT_INJECT?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_ATTEMPTS_PER_IP = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /** Accounts one address may create per hour (a script creating accounts from one place is refused, 429). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTRATIONS_PER_IP_PER_HOUR = 20;

  /** How long an e-mail verification link works. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  EMAIL_VERIFICATION_TTL_SECONDS = 172_800;

  /** How long a password reset link works. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  PASSWORD_RESET_TTL_SECONDS = 3_600;

  /** Every non-GET route and socket event: calls one user may make per window (less at low trust). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WRITE_RATE_LIMIT_PER_USER = 300;

  /** Every non-GET route and socket event: calls from one IP address per window (users behind a NAT share it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WRITE_RATE_LIMIT_PER_IP = 1_200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  WRITE_RATE_WINDOW_SECONDS = 60;

  /** After SIGTERM/SIGINT: how long requests in flight, sockets and running jobs get to finish (ADR 0048). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS = 10_000;

  /**
   * Where a separate worker process serves /health/live, /health/ready and /metrics (0: any free port).
   * Unset: 3001 if free (a second worker on the same host then runs without probes, with a warning).
   */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HTTP_PORT?: number;

  /** Where this API is reached from outside (links in sandbox pages); default http://HOST:PORT. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  /** The web app users return to after checkout or the billing portal; default PUBLIC_URL. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  APP_URL?: string;

  /** Where checkout may also send users back (APP_URL's origin always may): origins or app schemes, e.g. `https://m.example.com,myapp://`. */
  @Matches(/^(\s*[a-z][a-z0-9+.-]*:\/\/[^\s,/]*\s*(,\s*[a-z][a-z0-9+.-]*:\/\/[^\s,/]*\s*)*)?$/, {
    message: 'must be comma-separated origins (https://host[:port]) or app schemes (myapp://)',
  })
  APP_RETURN_ORIGINS = '';

  /** Stripe's secret API key; without it (outside production) billing runs on the built-in sandbox. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(sk|rk)_[A-Za-z0-9_]+$/, { message: 'must be a Stripe secret or restricted key (sk_... or rk_...)' })
  STRIPE_SECRET_KEY?: string;

  /** The signing secret of the Stripe webhook endpoint (whsec_...). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  STRIPE_WEBHOOK_SECRET?: string;

  /** Another Stripe API host (stripe-mock, a test fake); default api.stripe.com. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  STRIPE_API_HOST?: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  STRIPE_API_PORT?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['http', 'https'])
  STRIPE_API_PROTOCOL?: 'http' | 'https';

  /** Oldest webhook signature accepted, against replays. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;

  /** Days a past_due subscription keeps its plan while payment is retried. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  BILLING_GRACE_DAYS = 7;

  /** Payments younger than this can be refunded without an admin forcing it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  BILLING_REFUND_WINDOW_DAYS = 30;

  /** Sandbox only: how long a checkout link can be paid (Stripe's Checkout Sessions: 24 h by default). */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  BILLING_SANDBOX_CHECKOUT_TTL_SECONDS = 86_400;

  /** Sandbox only: how long a billing portal link works (Stripe's portal sessions are short-lived). */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  BILLING_SANDBOX_PORTAL_TTL_SECONDS = 900;

  /** Sandbox only: days an invoice or receipt link works after the invoice is issued (Stripe: 30 days after the due date). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  BILLING_SANDBOX_INVOICE_LINK_TTL_DAYS = 30;

  /** Smallest tip, in minor units of TIP_CURRENCY. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  TIP_MIN_AMOUNT = 100;

  /** Largest tip, in minor units of TIP_CURRENCY. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  TIP_MAX_AMOUNT = 50_000;

  /** The currency tips are paid in (ISO 4217, lower case). */
  @IsString()
  @Matches(/^[a-zA-Z]{3}$/)
  TIP_CURRENCY = 'usd';

  /** The platform's commission on tips, in percent (kept as Stripe's application fee). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(50)
  TIP_COMMISSION_PERCENT = 10;

  /** Ads: impressions of one creative one person (or anonymous device) may see per AD_FREQUENCY_WINDOW_HOURS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  AD_FREQUENCY_CAP = 3;

  /** Ads: the frequency cap's window, in hours. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  AD_FREQUENCY_WINDOW_HOURS = 24;

  /** Ads: seconds each node keeps the eligible-campaign set before reloading it (admin changes reload it at once). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(300)
  AD_CATALOG_CACHE_SECONDS = 5;

  /** Ads: how far ahead of even delivery a campaign may run, as a share of its flight (and of the day for daily budgets). */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  @Max(1)
  AD_PACING_SLACK = 0.05;

  /** Ads: seconds a decision token can be used for its impression and click. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86_400)
  AD_TOKEN_TTL_SECONDS = 900;

  /** Ads: the creator's share of the ad revenue earned on their videos (0–1). */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  @Max(1)
  AD_CREATOR_REVENUE_SHARE = 0.55;

  /** Ads: minutes between the worker's settlements of creators' ad revenue; 0 turns them off (settle from the admin route). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_080)
  AD_SETTLEMENT_INTERVAL_MINUTES = 60;

  /** Longest direct message, in characters. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20000)
  MESSAGE_MAX_LENGTH = 4000;

  /** Most members a group conversation may have. */
  @Transform(toInt)
  @IsInt()
  @Min(3)
  @Max(1000)
  GROUP_MAX_MEMBERS = 50;

  /** How long after sending a message its author may still edit it / delete it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  MESSAGE_EDIT_WINDOW_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  MESSAGE_DELETE_WINDOW_SECONDS = 3600;

  /** Messages one user may send per window, over socket and REST together. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MESSAGE_RATE_LIMIT = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MESSAGE_RATE_WINDOW_SECONDS = 10;

  /** Longest comment, in characters. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20000)
  COMMENT_MAX_LENGTH = 5000;

  /** How long after posting a comment its author may still edit it (deleting has no window). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  COMMENT_EDIT_WINDOW_SECONDS = 3600;

  /** Most @mentions in one comment when trust & safety gives no per-account limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100)
  COMMENT_DEFAULT_MAX_MENTIONS = 5;

  /** Longest creator post, in characters. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  POST_MAX_LENGTH = 500;

  /** Creators with more active followers than this are merged into feeds on read, not fanned out (ADR 0037). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FEED_BIG_CREATOR_FOLLOWERS = 10000;

  /** Follower inboxes written per feed fan-out job. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  FEED_FANOUT_BATCH = 1000;

  /** Entries kept per follower inbox; older ones are trimmed (the merged-on-read part is not capped). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  FEED_INBOX_CAP = 800;

  /** A new follow copies this many of the creator's latest videos and posts into the follower's inbox. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  FEED_BACKFILL_ITEMS = 20;

  /** How long the logged-out "what's new" page is cached. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  FEED_WHATS_NEW_CACHE_SECONDS = 30;

  /** Followers notified per fan-out job when a creator publishes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  NOTIFICATION_FANOUT_BATCH = 500;

  /** A typing indicator ends by itself this long after the last "start". */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  TYPING_TTL_MS = 6000;

  /** SMTP server mail goes through (smtp://user:pass@host:587 or smtps://...); unset: mail is logged, not sent. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  MAIL_URL?: string;

  /** The From of every mail the platform sends. */
  @Matches(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
    message: 'must be an address, e.g. no-reply@example.com or "Showrunner <no-reply@example.com>"',
  })
  MAIL_FROM = 'Showrunner <no-reply@localhost>';

  /** Where studio media (uploads, renditions, thumbnails) is stored: local disk under DATA_DIR, or an S3-compatible bucket. */
  @IsIn(['local', 's3'])
  MEDIA_STORAGE: 'local' | 's3' = 'local';

  /** The media root with MEDIA_STORAGE=local (default DATA_DIR/media); several nodes mount the same folder. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEDIA_LOCAL_ROOT?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEDIA_S3_BUCKET?: string;

  @IsString()
  MEDIA_S3_REGION = 'us-east-1';

  /** An S3-compatible endpoint (MinIO, R2, ...); default AWS. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  MEDIA_S3_ENDPOINT?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEDIA_S3_ACCESS_KEY_ID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEDIA_S3_SECRET_ACCESS_KEY?: string;

  /** The ffmpeg and ffprobe binaries (default: found on PATH). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  FFMPEG_PATH?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  FFPROBE_PATH?: string;

  /** ffmpeg runs at once in one worker process (transcodes are CPU-bound). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  MEDIA_FFMPEG_CONCURRENCY = 1;

  /** A single ffmpeg run taking longer than this is killed and the step fails (retried). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MEDIA_FFMPEG_TIMEOUT_SECONDS = 3_600;

  /** Largest upload (bytes) into a channel whose owner's plan is not listed in MEDIA_UPLOAD_MAX_BYTES_BY_PLAN. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MEDIA_UPLOAD_MAX_BYTES = 2 * 1024 ** 3;

  /** Larger upload limits by the channel owner's plan id: `planId:bytes,planId:bytes`. */
  @Matches(/^(\s*[a-z0-9_-]+:\d+\s*(,\s*[a-z0-9_-]+:\d+\s*)*)?$/, {
    message: 'must be planId:bytes pairs separated by commas',
  })
  MEDIA_UPLOAD_MAX_BYTES_BY_PLAN = `creator-plus:${10 * 1024 ** 3},studio-pro:${50 * 1024 ** 3}`;

  /** Longest video accepted, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MEDIA_MAX_DURATION_SECONDS = 4 * 3_600;

  /** How long a signed playback URL stays valid. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86_400)
  MEDIA_URL_TTL_SECONDS = 900;

  /** Channel invitations one user may send per window (by handle or e-mail): answers must not be a free account lookup. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  STUDIO_INVITATION_RATE_LIMIT = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  STUDIO_INVITATION_RATE_WINDOW_SECONDS = 3_600;

  /** Trust & safety escalation: this many confirmed violations within the window time the account out automatically. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TRUST_SAFETY_ESCALATION_VIOLATIONS = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3_650)
  TRUST_SAFETY_ESCALATION_WINDOW_DAYS = 30;

  /** How long an automatic escalation timeout lasts. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(8_760)
  TRUST_SAFETY_ESCALATION_TIMEOUT_HOURS = 24;

  /** DMCA: business days between a counter-notice and the material's restoration (the law allows 10 to 14). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(14)
  TRUST_SAFETY_DMCA_RESTORE_BUSINESS_DAYS = 10;

  /** DMCA: restore this many seconds after a counter-notice instead of in business days (tests and drills only). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  TRUST_SAFETY_DMCA_RESTORE_DELAY_SECONDS?: number;

  /** DMCA: count US federal holidays (as observed, computed for any year) out of the business days (17 U.S.C. § 512 is US law). */
  @Transform(toBoolean)
  @IsBoolean()
  DMCA_US_FEDERAL_HOLIDAYS = true;

  /** DMCA: further holidays that are not business days when a counter-noticed video's restoration is scheduled (ISO dates, UTC, comma-separated). */
  @Transform(toList)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'must be ISO dates (YYYY-MM-DD) separated by commas' })
  @IsISO8601({ strict: true }, { each: true, message: 'must be real calendar dates (YYYY-MM-DD)' })
  DMCA_HOLIDAYS: string[] = [];

  /** DMCA: the valid notice against the same uploader that terminates the account (repeat infringer). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TRUST_SAFETY_DMCA_REPEAT_INFRINGER_NOTICES = 3;
  /** Trust level 0 (new, unverified) may not message non-followers nor post links (off: only the mention cap applies). */
  @Transform(toBoolean)
  @IsBoolean()
  TRUST_SAFETY_NEW_ACCOUNT_GATES = true;

  /** Most events in one POST /v1/events batch (more: 413). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  INSIGHTS_MAX_BATCH = 500;

  /** Events stamped further ahead of the server clock are rejected (clock skew, forgery). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  INSIGHTS_MAX_FUTURE_SKEW_SECONDS = 300;

  /** Older events are rejected (offline clients may send late, but not forever). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INSIGHTS_MAX_EVENT_AGE_HOURS = 168;

  /** Raw event partitions older than this are dropped; rollups are kept. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INSIGHTS_RETENTION_DAYS = 400;

  /** Days a finished export's file (and its row) is kept; later its download answers 404. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INSIGHTS_EXPORT_RETENTION_DAYS = 7;

  /** Daily partitions created ahead of time by the maintenance job. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  INSIGHTS_PARTITIONS_AHEAD_DAYS = 7;

  /** A viewer's views of one video count once per window (aligned; must divide 60). */
  @Transform(toInt)
  @IsIn([1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60])
  INSIGHTS_VIEW_WINDOW_MINUTES = 60;

  /** Watch time a video_progress heartbeat stands for when it carries no `elapsed`. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  INSIGHTS_HEARTBEAT_SECONDS = 10;

  /** Request header carrying the viewer's country (ISO 3166 alpha-2), set by the CDN or proxy. */
  @IsString()
  INSIGHTS_COUNTRY_HEADER = 'cf-ipcountry';

  /** Country recorded when the header is absent (a single-country deployment); unset: unknown. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z]{2}$/, { message: 'must be an ISO 3166 alpha-2 code' })
  INSIGHTS_DEFAULT_COUNTRY?: string;

  /** How often the worker folds new events into rollups. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INSIGHTS_ROLLUP_INTERVAL_SECONDS = 60;

  /** Shortest interval between two live counter pushes to a dashboard. */
  @Transform(toInt)
  @IsInt()
  @Min(250)
  INSIGHTS_LIVE_PUSH_INTERVAL_MS = 2_000;

  /** How often the worker recomputes trending videos, creators and hashtags. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  TRENDING_RECOMPUTE_EVERY_SECONDS = 300;

  /** Half-life of an interaction's weight in the 24 h lists. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TRENDING_HALF_LIFE_24H_MINUTES = 360;

  /** Half-life of an interaction's weight in the 7 day lists. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TRENDING_HALF_LIFE_7D_MINUTES = 2880;

  /** Lowest weighted, decayed score that counts as trending (an established like weighs 1). */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  TRENDING_MIN_SCORE = 3;

  /** Weight of an interaction by the actor's trust level 0,1,2,…; higher levels take the last weight. */
  @Matches(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/, { message: 'must be comma-separated numbers' })
  TRENDING_TRUST_WEIGHTS = '0.5,0.75,1,1.25,1.5';

  /** Low-trust accounts acting on one item within this many seconds of each other may form a brigade. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TRENDING_BRIGADE_WINDOW_SECONDS = 900;

  /** This many distinct low-trust accounts within the window are a brigade. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  TRENDING_BRIGADE_MIN_ACCOUNTS = 5;

  /** Accounts at or below this trust level can be counted in a brigade. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(4)
  TRENDING_BRIGADE_MAX_TRUST_LEVEL = 1;

  /** Factor applied to each brigaded interaction (0: ignored, 1: no damping). */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  @Max(1)
  TRENDING_BRIGADE_DAMPING = 0.1;

  /** Items kept per trending list (per window, language and category). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  TRENDING_LIST_SIZE = 100;

  /** How long a trending page is served from Redis before the read model is asked again. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  TRENDING_CACHE_TTL_SECONDS = 60;

  /** How long a person's recommendations are served from Redis (an interaction forgets them sooner). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RECS_CACHE_TTL_SECONDS = 60;

  /** Videos the person's plan cannot play: listed as upgrade teasers (`teaser`) or left out (`drop`). */
  @IsIn(['teaser', 'drop'])
  RECS_LOCKED_VIDEOS: 'teaser' | 'drop' = 'teaser';

  /** How often the worker folds new signals into co-watch counts and refreshes neighbour lists. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  RECS_NEIGHBOURS_EVERY_SECONDS = 60;

  /** Seconds of vouched watch time after which a video counts as viewed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECS_VIEW_THRESHOLD_SECONDS = 30;

  /** Of a person's earlier videos, how many recent ones a new video is paired with (caps one account's co-watch weight). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  RECS_COWATCH_PARTNERS = 50;

  /** A video left for another one with less watch time than this counts as skipped (0 turns detection off). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600)
  RECS_SKIP_SECONDS = 10;

  /** Only a switch to another video within this many minutes of the last progress on the first is a skip. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  RECS_SKIP_WINDOW_MINUTES = 30;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

function describe(errors: ValidationError[], source: NodeJS.ProcessEnv): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => {
      // The text as typed, not the converted value (NaN would read as "null"); MAIL_URL carries a password.
      const shown = /SECRET|PASSWORD|MAIL_URL/.test(error.property)
        ? '(hidden)'
        : JSON.stringify(source[error.property]);
      return `${error.property}=${shown}: ${message.replace(`${error.property} `, '')}`;
    }),
  );
}

/** Reads and validates the environment; throws one ConfigurationError naming every bad variable. */
export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const env = plainToInstance(Environment, { ...source }, { exposeDefaultValues: true });
  const problems = describe(validateSync(env, { skipMissingProperties: false }), source);
  if (env.NODE_ENV === 'production') {
    if (!env.JWT_SECRET) problems.push('JWT_SECRET: is required in production (at least 32 random characters)');
    if (!env.DATABASE_URL)
      problems.push('DATABASE_URL: is required in production (embedded PostgreSQL is for local use)');
    if (!env.REDIS_URL) problems.push('REDIS_URL: is required in production (the embedded Redis is for local use)');
    if (env.FAULT_INJECT) problems.push('FAULT_INJECT: is for fault tests only and is refused in production');
    // Cheap hashes are for test suites that register hundreds of accounts, never for real passwords.
    if (env.PASSWORD_HASH_MEMORY_KIB < 19_456 || env.PASSWORD_HASH_PASSES < 2)
      problems.push(
        'PASSWORD_HASH_MEMORY_KIB/PASSWORD_HASH_PASSES: below the OWASP floor (19456 KiB, 2 passes) in production',
      );
  }
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    problems.push('STRIPE_WEBHOOK_SECRET: is required with STRIPE_SECRET_KEY (webhooks cannot be verified without it)');
  }
  if (env.MEDIA_STORAGE === 's3' && !env.MEDIA_S3_BUCKET)
    problems.push('MEDIA_S3_BUCKET: is required with MEDIA_STORAGE=s3');
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  if (problems.length) throw new ConfigurationError(problems);
  return env;
}
