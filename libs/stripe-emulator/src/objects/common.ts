/** What every emulated Stripe object shares: the API version, metadata and list envelopes. */

export const API_VERSION = '2026-10-28.endive';

export type Metadata = Record<string, string>;

export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
  total_count?: number;
}

export function listOf<T>(data: T[], url: string): ListObject<T> {
  return { object: 'list', data, has_more: false, total_count: data.length, url };
}
