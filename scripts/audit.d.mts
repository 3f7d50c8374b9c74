export interface AllowlistEntry {
  id: string;
  package?: string;
  reason: string;
}
export function decide(
  report: unknown,
  allowlist: AllowlistEntry[],
  options?: { offlineOk?: boolean },
): { code: number; lines: string[] };
