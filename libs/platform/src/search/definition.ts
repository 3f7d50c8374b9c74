import { InvalidIndexDefinitionError } from './search-errors.js';
import type { FieldType, IndexDefinition } from './search-index.js';

const INDEX_NAME = /^[a-z0-9][a-z0-9-]*$/;
/** Field names end up in SQL literals and Elasticsearch paths: no dots, quotes or spaces. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const FIELD_TYPES = new Set<FieldType>(['text', 'keyword', 'integer', 'float', 'date', 'boolean']);
const FACET_TYPES = new Set<FieldType>(['keyword', 'boolean', 'integer', 'float']);
/** A window order is read from one sortable number per document (search.document_window_key). */
const WINDOW_TYPES = new Set<FieldType>(['date', 'integer', 'float']);

export function assertIndexName(name: string, what = 'index name'): void {
  if (typeof name !== 'string' || !INDEX_NAME.test(name) || name.length > 200) {
    throw new InvalidIndexDefinitionError(`Invalid ${what} "${name}": use lowercase letters, digits and dashes`);
  }
}

export function isFieldName(name: string): boolean {
  return FIELD_NAME.test(name);
}

/** Checks a definition and returns a plain copy of it (what gets persisted next to the index). */
export function validateDefinition(definition: IndexDefinition): IndexDefinition {
  assertIndexName(definition?.name);
  const entries = Object.entries(definition.fields ?? {});
  if (entries.length === 0) throw new InvalidIndexDefinitionError(`Index "${definition.name}" declares no fields`);
  for (const [name, field] of entries) {
    const where = `${definition.name}.${name}`;
    if (!isFieldName(name)) throw new InvalidIndexDefinitionError(`Invalid field name "${where}"`);
    if (!FIELD_TYPES.has(field.type))
      throw new InvalidIndexDefinitionError(`Field "${where}" has unknown type "${field.type}"`);
    if (field.weight !== undefined && (field.type !== 'text' || ![1, 2, 3, 4].includes(field.weight))) {
      throw new InvalidIndexDefinitionError(`Field "${where}": weight (1-4) applies to text fields only`);
    }
    if (field.autocomplete && field.type !== 'text') {
      throw new InvalidIndexDefinitionError(`Field "${where}": autocomplete applies to text fields only`);
    }
    // Elasticsearch cannot page past documents missing a boolean sort value (see missingLast).
    if (field.sortable && field.type === 'boolean') {
      throw new InvalidIndexDefinitionError(
        `Field "${where}": boolean fields cannot be sortable; filter on them instead`,
      );
    }
    if (field.facet && !FACET_TYPES.has(field.type)) {
      throw new InvalidIndexDefinitionError(`Field "${where}": facets apply to keyword, boolean and numeric fields`);
    }
  }
  const { windowOrder } = definition;
  if (windowOrder !== undefined) {
    const where = `${definition.name}.windowOrder`;
    const field = definition.fields[windowOrder?.field];
    if (!field || !WINDOW_TYPES.has(field.type))
      throw new InvalidIndexDefinitionError(`${where} must name a date or numeric field`);
    if (windowOrder.order !== 'asc' && windowOrder.order !== 'desc')
      throw new InvalidIndexDefinitionError(`${where}.order must be asc or desc`);
  }
  return JSON.parse(
    JSON.stringify({
      name: definition.name,
      fields: definition.fields,
      ...(windowOrder ? { windowOrder: { field: windowOrder.field, order: windowOrder.order } } : {}),
    }),
  ) as IndexDefinition;
}

/** The alias every reader and writer goes through: `<prefix>-<name>`. */
export function aliasName(prefix: string, name: string): string {
  return `${prefix}-${name}`;
}

/** A physical version behind the alias: `<prefix>-<name>-v<version>`. */
export function physicalIndexName(prefix: string, name: string, version: number): string {
  return `${prefix}-${name}-v${version}`;
}
