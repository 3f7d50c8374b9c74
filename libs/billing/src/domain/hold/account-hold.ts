/** Sanctions that stop an account's charges. Timeouts only mute; they do not touch billing. */
export const HOLDING_SANCTIONS = ['suspension', 'ban'] as const;
export type HoldingSanction = (typeof HOLDING_SANCTIONS)[number];

export interface AccountHold {
  userId: string;
  sanctions: HoldingSanction[];
  heldSince: Date;
  pausedSubscriptionIds: string[];
}

/** Holds per account and sanction, with the subscriptions each paused (billing's own table). */
export abstract class AccountHoldRepository {
  abstract of(userId: string): Promise<AccountHold | null>;
  /** Starts a hold for the sanction; false when it was already in place (a redelivered event). */
  abstract place(userId: string, sanction: HoldingSanction, at: Date): Promise<boolean>;
  abstract notePaused(userId: string, sanction: HoldingSanction, subscriptionId: string): Promise<void>;
  /**
   * Ends the sanction's hold. With another sanction still holding, its paused subscriptions move to it
   * (`toResume` empty); with none left, they are the ones to resume.
   */
  abstract release(userId: string, sanction: HoldingSanction): Promise<{ released: boolean; toResume: string[] }>;
}
