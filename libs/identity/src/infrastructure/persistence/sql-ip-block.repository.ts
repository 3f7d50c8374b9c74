import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { IpBlockExistsError } from '../../domain/ip-block/ip-block.errors.js';
import { IpBlock } from '../../domain/ip-block/ip-block.js';
import { IpBlockRepository } from '../../domain/ip-block/ip-block.repository.js';

interface IpBlockRow {
  id: string;
  range: string;
  reason: string;
  created_by: string;
  created_at: Date;
}

@Injectable()
export class SqlIpBlockRepository extends IpBlockRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async list(): Promise<IpBlock[]> {
    const rows = await this.em.execute<IpBlockRow[]>('select * from identity.ip_blocks order by created_at, id');
    return rows.map(
      (row) =>
        new IpBlock({
          id: row.id,
          range: row.range,
          reason: row.reason,
          createdBy: row.created_by,
          createdAt: new Date(row.created_at),
        }),
    );
  }

  async add(block: IpBlock): Promise<void> {
    try {
      await this.em.execute(
        'insert into identity.ip_blocks (id, range, reason, created_by, created_at) values (?, ?, ?, ?, ?)',
        [block.id, block.range, block.reason, block.createdBy, block.createdAt],
      );
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new IpBlockExistsError(block.range);
      throw error;
    }
  }

  async remove(id: string): Promise<boolean> {
    const rows = await this.em.execute<{ id: string }[]>('delete from identity.ip_blocks where id = ? returning id', [
      id,
    ]);
    return rows.length > 0;
  }
}
