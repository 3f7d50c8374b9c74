import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Restriction, RestrictionKind } from '../../domain/restriction/restriction.js';
import { RestrictionRepository } from '../../domain/restriction/restriction.repository.js';

@Injectable()
export class SqlRestrictionRepository extends RestrictionRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(restriction: Restriction): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      `insert into engagement.restrictions (owner_id, target_id, kind, created_at) values (?, ?, ?, ?::timestamptz) on conflict do nothing returning 1`,
      [restriction.ownerId, restriction.targetId, restriction.kind, restriction.createdAt.toISOString()],
    );
    return rows.length > 0;
  }

  async remove(ownerId: string, targetId: string, kind: RestrictionKind): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      `delete from engagement.restrictions where owner_id = ? and target_id = ? and kind = ? returning 1`,
      [ownerId, targetId, kind],
    );
    return rows.length > 0;
  }

  async eitherBlocks(a: string, b: string): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      `select 1 from engagement.restrictions where kind = 'block' and ((owner_id = ? and target_id = ?) or (owner_id = ? and target_id = ?)) limit 1`,
      [a, b, b, a],
    );
    return rows.length > 0;
  }

  async has(ownerId: string, targetId: string, kind: RestrictionKind): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      `select 1 from engagement.restrictions where owner_id = ? and target_id = ? and kind = ?`,
      [ownerId, targetId, kind],
    );
    return rows.length > 0;
  }
}
