/**
 * What a plan can unlock, by name and type: a flag is on or off, a quota is a number (or
 * "unlimited"), a level is ordered. Other contexts name these in `BillingApi` calls and
 * `@RequiresEntitlement(...)`.
 */
export const ENTITLEMENTS = {
  ad_free: { type: 'flag' },
  early_access: { type: 'flag' },
  studio_access: { type: 'flag' },
  monetization: { type: 'flag' },
  api_access: { type: 'flag' },
  custom_branding: { type: 'flag' },
  /** Items a fan can keep in their library (a running total, never reset). */
  library_items: { type: 'quota', resets: 'never' },
  /** Episodes a creator can publish per billing period (calendar month on Free). */
  episodes_per_month: { type: 'quota', resets: 'period' },
  analytics: { type: 'level', levels: ['none', 'basic', 'advanced'] },
  /** Bytes of media a creator keeps (reserved when an upload starts, given back when it goes; never reset). */
  storage_bytes: { type: 'quota', resets: 'never' },
  /** Uploads a creator may start per billing period (counted at tus creation). */
  uploads_per_month: { type: 'quota', resets: 'period' },
  /** Requests made with the person's API keys per billing period. */
  api_calls_per_month: { type: 'quota', resets: 'period' },
} as const satisfies Record<string, EntitlementDefinition>;

export type EntitlementDefinition =
  { type: 'flag' } | { type: 'quota'; resets: 'never' | 'period' } | { type: 'level'; levels: readonly string[] };

export type EntitlementName = keyof typeof ENTITLEMENTS;
export type QuotaName = {
  [K in EntitlementName]: (typeof ENTITLEMENTS)[K]['type'] extends 'quota' ? K : never;
}[EntitlementName];
export type QuotaLimit = number | 'unlimited';
// A flag, a quota's limit (a number or 'unlimited') or a level's name.
export type EntitlementValue = boolean | number | string;
export type Entitlements = Record<EntitlementName, EntitlementValue>;
