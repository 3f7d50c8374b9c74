import type { RequestFacts } from '../../../domain/request-context.js';

/** A client batch as received; each event is validated on its own. */
export class IngestEventsCommand {
  constructor(
    readonly events: unknown[],
    /** From the bearer token when the caller sent one. */
    readonly userId: string | null,
    readonly facts: RequestFacts,
  ) {}
}

export interface IngestionResult {
  accepted: number;
  duplicates: number;
  /** Events dropped because the User-Agent is a bot's (the batch is not stored). */
  filtered: number;
  rejected: Array<{ index: number; code: string; message: string }>;
}
