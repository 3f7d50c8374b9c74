export class GetMessagingSettingsQuery {
  constructor(readonly userId: string) {}
}
