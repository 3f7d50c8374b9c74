export { ormOptions, type OrmOptionsInput } from './orm-options.js';
export { migrateDatabase, type MigrationReport } from './migrate.js';
export { UnitOfWork, MikroOrmUnitOfWork } from './unit-of-work.js';
export { PersistenceModule, declaredEntities } from './persistence.module.js';
