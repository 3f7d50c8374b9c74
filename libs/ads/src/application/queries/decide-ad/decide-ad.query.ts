import { Query } from '@nestjs/cqrs';

export interface AdRequestFacts {
  userAgent?: string;
  country?: string;
  acceptLanguage?: string;
}

export interface AdDecisionView {
  decisionId: string;
  token: string;
  expiresAt: string;
  placement: string;
  creative: { id: string; campaignId: string; clickUrl: string; videoId: string | null; imageUrl: string | null };
}

/** An ad for one placement, or null: for the signed-in `userId`, else the anonymous `deviceId`. */
export class DecideAdQuery extends Query<AdDecisionView | null> {
  constructor(
    readonly placement: string,
    readonly videoId: string | null,
    readonly userId: string | null,
    readonly deviceId: string | null,
    readonly facts: AdRequestFacts,
  ) {
    super();
  }
}
