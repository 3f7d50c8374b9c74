import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { Presets, SingleBar } from 'cli-progress';
import { VerifyAuditChain } from '@lib/trust-safety';
import type { CliContext } from '../cli-context.js';

/** Re-hashes the audit log's chain; exits non-zero at the first entry edited or removed. */
export async function trustVerifyAudit(context: CliContext): Promise<void> {
  const app = await context.app();
  const bar = new SingleBar(
    { format: 'audit log |{bar}| {percentage}% {value}/{total} entries', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(1, 0);
  let result;
  try {
    result = await RequestContext.create(app.get(MikroORM).em, () =>
      app.get(VerifyAuditChain).run((checked, total) => {
        bar.setTotal(Math.max(total, 1));
        bar.update(checked);
      }),
    );
  } finally {
    bar.stop();
  }
  if (result.broken) {
    throw new Error(
      `The audit log chain is broken at entry ${result.broken.seq} (${result.broken.id}): ${result.broken.problem}. ` +
        `${result.checked} entries before it verified.`,
    );
  }
  console.log(`The audit log chain is intact: ${result.checked} entries verified.`);
}
