import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WatchHistorySettingsRepository } from '../../../domain/watch-progress/watch-entry.repository.js';
import { GetHistorySettingsQuery } from './get-history-settings.query.js';

@QueryHandler(GetHistorySettingsQuery)
export class GetHistorySettingsHandler implements IQueryHandler<GetHistorySettingsQuery> {
  constructor(private readonly settings: WatchHistorySettingsRepository) {}

  async execute({ userId }: GetHistorySettingsQuery) {
    return { enabled: (await this.settings.of(userId)).enabled };
  }
}
