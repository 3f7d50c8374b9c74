export class StartExperimentCommand {
  constructor(readonly experimentId: string) {}
}
