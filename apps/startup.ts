import { ConfigurationError } from '@config';

/** A failed start prints what to fix, not a stack trace, and exits non-zero. */
export function failStartup(error: unknown): never {
  const known =
    error instanceof ConfigurationError ||
    (error instanceof Error &&
      /^(RedisServerNotFoundError|DataDirInUseError|MessagingConfigurationError|JobsConfigurationError)$/.test(
        error.name,
      ));
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\nShowrunner could not start.\n${message}\n`);
  if (!known && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
}
