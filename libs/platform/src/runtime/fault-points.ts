import { writeSync } from 'node:fs';

/**
 * Test-only fault points (docs/adr/0049). `FAULT_INJECT` names points, comma-separated; a process that
 * reaches a named one SIGKILLs itself there, as a power cut would. A point may carry a detail
 * (`consumer.after-commit:engagement.welcome`): the bare name matches every detail, `name:detail`
 * only that one. Unset, `faultPoint` is an empty function; production configuration refuses the
 * variable, and this module ignores it there too.
 */
export type FaultPointName =
  | 'webhook.after-store'
  | 'webhook.after-enqueue'
  | 'webhook.after-apply'
  | 'consumer.before-commit'
  | 'consumer.after-commit'
  | 'media.mid-transcode';

/** The armed points of an environment (empty in production, whatever it says). */
export function armedFaultPoints(env: NodeJS.ProcessEnv): ReadonlySet<string> {
  if (env.NODE_ENV === 'production' || !env.FAULT_INJECT) return new Set();
  return new Set(
    env.FAULT_INJECT.split(',')
      .map((point) => point.trim())
      .filter(Boolean),
  );
}

/** Whether `point` (with `detail`) is armed in `armed`. */
export function faultArmed(armed: ReadonlySet<string>, point: FaultPointName, detail?: string): boolean {
  return armed.has(point) || (detail !== undefined && armed.has(`${point}:${detail}`));
}

const armed = armedFaultPoints(process.env);

function killHere(point: FaultPointName, detail?: string): void {
  if (!faultArmed(armed, point, detail)) return;
  // Written synchronously: the test reads it to know the kill happened at this point and no other.
  writeSync(2, `FAULT_INJECT: killed at ${point}${detail ? `:${detail}` : ''}\n`);
  process.kill(process.pid, 'SIGKILL');
}

/** A deterministic kill point for fault tests; does nothing unless FAULT_INJECT names it. */
export const faultPoint: (point: FaultPointName, detail?: string) => void = armed.size ? killHere : () => undefined;
