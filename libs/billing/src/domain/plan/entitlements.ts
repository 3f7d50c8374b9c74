import {
  ENTITLEMENTS,
  type EntitlementDefinition,
  type EntitlementName,
  type EntitlementValue,
  type QuotaName,
} from '../../contracts/entitlements.js';

// The definitions are part of billing's published contract; the rules over them are the domain's.
export { ENTITLEMENTS };
export type {
  EntitlementDefinition,
  EntitlementName,
  EntitlementValue,
  Entitlements,
  QuotaLimit,
  QuotaName,
} from '../../contracts/entitlements.js';

export const ENTITLEMENT_NAMES = Object.keys(ENTITLEMENTS) as EntitlementName[];

export function isEntitlementName(name: string): name is EntitlementName {
  return Object.hasOwn(ENTITLEMENTS, name);
}

export function isQuota(name: EntitlementName): name is QuotaName {
  return ENTITLEMENTS[name].type === 'quota';
}

/** Whether a value is well-formed for its entitlement; returns the problem, or null. */
export function entitlementValueProblem(name: EntitlementName, value: unknown): string | null {
  const definition: EntitlementDefinition = ENTITLEMENTS[name];
  switch (definition.type) {
    case 'flag':
      return typeof value === 'boolean' ? null : `${name} must be true or false`;
    case 'quota':
      return value === 'unlimited' || (Number.isInteger(value) && (value as number) >= 0)
        ? null
        : `${name} must be a non-negative integer or "unlimited"`;
    case 'level':
      return definition.levels.includes(value as string)
        ? null
        : `${name} must be one of ${definition.levels.join(', ')}`;
  }
}

/**
 * Whether `value` meets `required`: a flag must be on, a quota at least the number (or unlimited),
 * a level at least as high. Without a requirement: a flag on, a quota above zero, a level above the lowest.
 */
export function satisfies(name: EntitlementName, value: EntitlementValue, required?: EntitlementValue): boolean {
  const definition: EntitlementDefinition = ENTITLEMENTS[name];
  switch (definition.type) {
    case 'flag':
      return value === true || required === false;
    case 'quota': {
      if (value === 'unlimited') return true;
      if (required === 'unlimited') return false;
      return (value as number) >= (typeof required === 'number' ? required : 1);
    }
    case 'level': {
      const rank = definition.levels.indexOf(value as string);
      const wanted = required === undefined ? 1 : definition.levels.indexOf(required as string);
      return rank >= wanted && wanted >= 0;
    }
  }
}

/** Orders two values of one entitlement (-1, 0, 1); `unlimited` is above every number. */
export function compareValues(name: EntitlementName, a: EntitlementValue, b: EntitlementValue): number {
  const definition: EntitlementDefinition = ENTITLEMENTS[name];
  const rank = (value: EntitlementValue): number => {
    if (definition.type === 'flag') return value ? 1 : 0;
    if (definition.type === 'level') return definition.levels.indexOf(value as string);
    return value === 'unlimited' ? Number.POSITIVE_INFINITY : (value as number);
  };
  return Math.sign(rank(a) - rank(b));
}
