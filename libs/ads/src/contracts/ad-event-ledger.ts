/** An `ad_impression` or `ad_click` a client reported, with the decision token it carries. */
export interface AdEventClaim {
  eventId: string;
  kind: 'impression' | 'click';
  token: unknown;
  /** The bearer token's user, if the client sent one. */
  userId: string | null;
}

export type AdEventVerdict =
  | { counted: true }
  | {
      counted: false;
      code: 'ads.token.invalid' | 'ads.token.expired' | 'ads.token.replayed' | 'ads.click.without-impression';
      reason: string;
    };

/**
 * Ads' synchronous port for insights' ingestion: verifies each decision token and counts the event at
 * most once per decision and kind (a click only after its impression). An event retried with the same
 * `eventId` is answered `counted` again without counting twice.
 */
export abstract class AdEventLedger {
  abstract count(claims: AdEventClaim[]): Promise<AdEventVerdict[]>;
}
