export class CreateGroupCommand {
  constructor(
    readonly userId: string,
    readonly title: string,
    readonly memberIds: string[],
  ) {}
}
