export class ListExperimentsQuery {}
