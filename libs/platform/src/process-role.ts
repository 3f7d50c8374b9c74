/** What this process does (the API serves HTTP, the worker runs jobs; standalone does both). */
export class ProcessRole {
  constructor(
    readonly http: boolean,
    readonly worker: boolean,
  ) {}
}
