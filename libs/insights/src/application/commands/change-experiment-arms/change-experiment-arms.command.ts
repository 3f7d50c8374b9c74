export class ChangeExperimentArmsCommand {
  constructor(
    readonly experimentId: string,
    readonly arms: unknown,
  ) {}
}
