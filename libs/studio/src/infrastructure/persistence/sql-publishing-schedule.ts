import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PublishingSchedule } from '../../application/publishing/publishing-schedule.js';
import { Video } from '../../domain/video/video.js';

@Injectable()
export class SqlPublishingSchedule extends PublishingSchedule {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async dueIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `select id from studio.videos where state = 'scheduled' and scheduled_at <= ? order by scheduled_at limit ?`,
      [now.toISOString(), limit],
    );
    return rows.map((row) => row.id);
  }

  async scheduled(): Promise<Array<{ id: string; scheduledAt: Date }>> {
    const rows = await this.em.find(Video, { state: 'scheduled' }, { fields: ['id', 'scheduledAt'] as never });
    return rows.map((video) => ({ id: video.id, scheduledAt: video.scheduledAt! }));
  }
}
