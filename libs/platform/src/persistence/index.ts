export { ormOptions, type OrmOptionsInput } from './orm-options.js';
export { migrateDatabase, type MigrationReport } from './migrate.js';
