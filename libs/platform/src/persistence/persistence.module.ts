import { Module, type DynamicModule } from '@nestjs/common';
import type { EntitySchema } from '@mikro-orm/postgresql';

const declared = new Set<EntitySchema>();
const sqlOnly = new Set<string>();

/** Every entity mapping declared by the contexts loaded in this process. */
export function declaredEntities(): EntitySchema[] {
  return [...declared];
}

/** Tables that contexts create in migrations and reach with SQL only (no entity maps them). */
export function declaredSqlOnlyTables(): string[] {
  return [...sqlOnly];
}

/**
 * A context declares its mappings here when its module is defined (at import), before the ORM starts.
 * (@mikro-orm/nestjs's autoLoadEntities forgets them once any ORM in the process shuts down.)
 */
@Module({})
export class PersistenceModule {
  static forFeature(entities: EntitySchema[], options: { sqlOnlyTables?: string[] } = {}): DynamicModule {
    for (const entity of entities) declared.add(entity);
    for (const table of options.sqlOnlyTables ?? []) sqlOnly.add(table);
    return { module: PersistenceModule };
  }
}
