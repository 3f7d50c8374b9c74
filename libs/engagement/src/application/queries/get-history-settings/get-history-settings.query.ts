import { Query } from '@nestjs/cqrs';

export class GetHistorySettingsQuery extends Query<{ enabled: boolean }> {
  constructor(readonly userId: string) {
    super();
  }
}
