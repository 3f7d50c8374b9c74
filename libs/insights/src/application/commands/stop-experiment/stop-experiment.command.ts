export class StopExperimentCommand {
  constructor(readonly experimentId: string) {}
}
