// Test helpers; imported by tests only (never by production code).
export { eventually } from './eventually.js';
export { within } from './within.js';
export { createTestDatabase, testRedisUrl, uniquePrefix, type TestDatabase } from './test-database.js';
export { createTestRuntime, TEST_JWT_SECRET, type TestRuntime } from './test-runtime.js';
export {
  httpRequest,
  startTestApp,
  startTestContext,
  type HttpAnswer,
  type RequestOptions,
  type TestApp,
} from './test-app.js';
export { SMTP_PASSWORD, SMTP_USER, startSmtpServer, type ReceivedMail, type TestSmtpServer } from './smtp-server.js';
export { consumed, eventsConsumed, outboxEventIds, queueSettled, type ProbedApp } from './probes.js';
