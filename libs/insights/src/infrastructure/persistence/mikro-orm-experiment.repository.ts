import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Experiment, ExperimentRepository } from '../../domain/experiments/experiment.js';
import { SurfaceBusyError } from '../../domain/experiments/experiment.errors.js';

@Injectable()
export class MikroOrmExperimentRepository extends ExperimentRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async save(experiment: Experiment): Promise<void> {
    try {
      await this.em.persist(experiment).flush();
    } catch (error) {
      // The partial unique index on running experiments' surface: two starts racing end here too.
      if (error instanceof UniqueConstraintViolationException) throw new SurfaceBusyError(experiment.surface);
      throw error;
    }
  }

  byId(id: string): Promise<Experiment | null> {
    return this.em.findOne(Experiment, { id });
  }

  // Read on a fork: the port is called by other contexts' requests and by ingestion, outside any unit of work.
  byIds(ids: string[]): Promise<Experiment[]> {
    return this.em.fork().find(Experiment, { id: { $in: ids } });
  }

  runningOn(surface: string): Promise<Experiment | null> {
    return this.em.fork().findOne(Experiment, { surface, status: 'running' });
  }

  list(): Promise<Experiment[]> {
    return this.em.find(Experiment, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 });
  }
}
