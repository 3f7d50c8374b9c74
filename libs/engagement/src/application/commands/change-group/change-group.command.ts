export class ChangeGroupCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly changes: { title?: string },
  ) {}
}
