import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';

/** Something a transaction decided that leaves the process: a socket push, a mail, a call out. */
export type AfterCommitEffect = () => void | Promise<void>;

const pendingEffects = new AsyncLocalStorage<AfterCommitEffect[]>();
const logger = new Logger('AfterCommit');

/**
 * Runs `transaction` (which opens and commits a database transaction) as a scope that collects
 * `afterCommit` effects; they run once it has committed, and are dropped if it throws — a failed
 * COMMIT included. A scope inside another hands its effects to the outer one, which commits last.
 */
export async function collectingAfterCommit<T>(transaction: () => Promise<T>): Promise<T> {
  const outer = pendingEffects.getStore();
  const effects: AfterCommitEffect[] = [];
  const result = await pendingEffects.run(effects, transaction);
  if (outer) outer.push(...effects);
  else await runEffects(effects);
  return result;
}

/** Registers an effect of the current transaction; outside one it is a mistake, not a shortcut. */
export function afterCommit(effect: AfterCommitEffect): void {
  const effects = pendingEffects.getStore();
  if (!effects) throw new Error('afterCommit() needs a transaction opened by UnitOfWork.transactional() or the inbox');
  effects.push(effect);
}

/** Whether code runs inside a transaction that collects after-commit effects. */
export function inAfterCommitScope(): boolean {
  return pendingEffects.getStore() !== undefined;
}

async function runEffects(effects: AfterCommitEffect[]): Promise<void> {
  // The work is committed: a failing effect is logged, never turned into a failure of the work.
  const outcomes = await Promise.allSettled(effects.map(async (effect) => effect()));
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected')
      logger.error({ err: outcome.reason as unknown }, 'an after-commit effect failed');
  }
}
