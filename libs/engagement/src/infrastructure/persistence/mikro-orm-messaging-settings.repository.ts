import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MessagingSettings } from '../../domain/messaging-settings/messaging-settings.js';
import { MessagingSettingsRepository } from '../../domain/messaging-settings/messaging-settings.repository.js';

@Injectable()
export class MikroOrmMessagingSettingsRepository extends MessagingSettingsRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  find(userId: string): Promise<MessagingSettings | null> {
    return this.em.findOne(MessagingSettings, { userId });
  }

  add(settings: MessagingSettings): void {
    this.em.persist(settings);
  }
}
