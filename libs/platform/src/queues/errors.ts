/** Job wiring mistakes found at boot: the process refuses to start rather than strand jobs later. */
export class JobsConfigurationError extends Error {
  constructor(problems: string[]) {
    super(`Jobs are misconfigured:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'JobsConfigurationError';
  }
}
