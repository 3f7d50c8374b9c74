import { DomainError } from '@lib/platform/ddd';

/** Arms are missing, duplicated, malformed, or their traffic split does not add up to 100%. */
export class InvalidArmsError extends DomainError {
  readonly code = 'insights.experiment.invalid-arms';
  readonly kind = 'invalid';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, details);
  }
}

/** Neither a planned sample size nor a baseline and effect to compute one from, or values out of range. */
export class InvalidDesignError extends DomainError {
  readonly code = 'insights.experiment.invalid-design';
  readonly kind = 'invalid';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, details);
  }
}

export class ExperimentNotFoundError extends DomainError {
  readonly code = 'insights.experiment.not-found';
  readonly kind = 'not-found';
  constructor(id: string) {
    super('No such experiment', { id });
  }
}

/** Arms and splits are fixed once traffic flows: changing them would mix two designs in one analysis. */
export class ExperimentLockedError extends DomainError {
  readonly code = 'insights.experiment.arms-locked';
  readonly kind = 'conflict';
  constructor(id: string, status: string) {
    super(`Arms and splits cannot change once the experiment has started (it is ${status})`, { id, status });
  }
}

/** Start of a stopped or running experiment, stop of one never started. */
export class ExperimentTransitionError extends DomainError {
  readonly code = 'insights.experiment.invalid-transition';
  readonly kind = 'conflict';
  constructor(id: string, status: string, action: string) {
    super(`Cannot ${action} an experiment that is ${status}`, { id, status, action });
  }
}

/** Another experiment already runs on the surface: two would split the same traffic twice. */
export class SurfaceBusyError extends DomainError {
  readonly code = 'insights.experiment.surface-busy';
  readonly kind = 'conflict';
  constructor(surface: string) {
    super(`An experiment is already running on '${surface}'`, { surface });
  }
}
