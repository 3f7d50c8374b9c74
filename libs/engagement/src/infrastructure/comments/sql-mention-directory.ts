import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MentionDirectory, type MentionedPerson } from '../../application/mentions/mention-directory.js';
import { pgTextArray } from './comment.schemas.js';

@Injectable()
export class SqlMentionDirectory extends MentionDirectory {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async withHandles(handles: string[]): Promise<MentionedPerson[]> {
    if (!handles.length) return [];
    const rows = await this.em.execute<Array<{ user_id: string; handle: string }>>(
      `select user_id, handle from engagement.people where lower(handle) = any(?::text[])`,
      [pgTextArray(handles.map((handle) => handle.toLowerCase()))],
    );
    return rows.map((row) => ({ userId: row.user_id, handle: row.handle }));
  }
}
