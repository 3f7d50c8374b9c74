import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Export, ExportRepository } from '../../domain/export.js';

@Injectable()
export class MikroOrmExportRepository extends ExportRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(entry: Export): Promise<void> {
    await this.em.persist(entry).flush();
  }

  byId(id: string): Promise<Export | null> {
    return this.em.findOne(Export, { id });
  }

  async save(entry: Export): Promise<void> {
    await this.em.persist(entry).flush();
  }
}
