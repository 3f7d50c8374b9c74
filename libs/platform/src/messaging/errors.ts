/** Wiring mistakes found at boot: the process refuses to start rather than drop events later. */
export class MessagingConfigurationError extends Error {
  constructor(problems: string[]) {
    super(`Messaging is misconfigured:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'MessagingConfigurationError';
  }
}

export class UnknownIntegrationEventError extends Error {
  constructor(readonly type: string) {
    super(`No integration event type '${type}' is registered`);
    this.name = 'UnknownIntegrationEventError';
  }
}

/** A stored or delivered payload does not match its event class: never retried, it would fail again. */
export class InvalidIntegrationEventError extends Error {
  constructor(type: string, problems: string[]) {
    super(`Payload of '${type}' is invalid: ${problems.join('; ')}`);
    this.name = 'InvalidIntegrationEventError';
  }
}
