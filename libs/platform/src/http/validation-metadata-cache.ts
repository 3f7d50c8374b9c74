import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';

type Lookup = (
  target: object,
  schema: string,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => ValidationMetadata[];
type Grouping = (metadatas: ValidationMetadata[]) => Record<string, ValidationMetadata[]>;

/** The storage's methods this cache wraps (public in its JavaScript, absent from its typings). */
interface Storage {
  getTargetValidationMetadatas: Lookup;
  groupByPropertyName: Grouping;
  addValidationMetadata: (...args: unknown[]) => void;
  addConstraintMetadata: (...args: unknown[]) => void;
  addValidationSchema: (...args: unknown[]) => void;
  showrunnerCached?: true;
}

/**
 * Remembers class-validator's rule lookup per DTO class. Unmemoized, every `validate()` walks the rules of
 * all ~400 validated classes of the app (an `instanceof` per class, for inherited rules) and regroups the
 * result: about 40 µs per body, query or socket payload, more than the rest of a simple request's checks
 * (ADR 0071). Rules only change when a decorator registers one; any registration forgets the cache.
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as Storage;
  if (storage.showrunnerCached) return;
  storage.showrunnerCached = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let byTarget = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}|${always}|${strictGroups}|${groups?.join('\u0000') ?? ''}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map<string, ValidationMetadata[]>()));
    let metadatas = forTarget.get(key);
    if (!metadatas) forTarget.set(key, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  // Only the cached arrays come back identical, so only their grouping is reused.
  storage.groupByPropertyName = (metadatas) => {
    let result = grouped.get(metadatas);
    if (!result) grouped.set(metadatas, (result = group(metadatas)));
    return result;
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = storage[method].bind(storage);
    storage[method] = (...args: unknown[]) => {
      byTarget = new WeakMap();
      grouped = new WeakMap();
      add(...args);
    };
  }
}
