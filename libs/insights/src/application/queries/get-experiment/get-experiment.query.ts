export class GetExperimentQuery {
  constructor(readonly experimentId: string) {}
}
