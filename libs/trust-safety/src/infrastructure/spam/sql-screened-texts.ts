import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ScreenedTexts } from '../../application/spam/spam-decision-labels.js';

@Injectable()
export class SqlScreenedTexts extends ScreenedTexts {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async textOf(contentType: string, contentId: string, rule: string): Promise<string | null> {
    // The queue lower-cases ids; owners' ids are lower-case UUIDs, so the content index still serves.
    const [row] = await this.em.execute<{ text: string }[]>(
      `select text from trust_safety.screenings
        where content_type = ? and content_id = ? and rule = ? and status = 'pending'
        order by created_at desc limit 1`,
      [contentType, contentId.toLowerCase(), rule],
    );
    return row?.text ?? null;
  }
}
