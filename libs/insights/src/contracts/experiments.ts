/**
 * Who is being assigned: a signed-in person, or an anonymous device/session id. The anonymous id must
 * be the `sessionId` the player sends to `POST /v1/events`: anonymous exposures are checked against it.
 */
export interface ExperimentSubject {
  personId?: string;
  anonymousId?: string;
}

export interface ExperimentAssignment {
  experimentId: string;
  /** The arm's key, e.g. a strategy name (`hybrid`, `popularity`). */
  arm: string;
}

/**
 * Insights' experiments, as other contexts use them (SEAM: implemented by insights' experiments
 * module). Assignment is deterministic and sticky: the same subject always gets the same arm of a
 * running experiment. Exposure is not logged here: the client reports it when it actually shows
 * the variant (`POST /v1/events`, `experiment_exposure` with the impression id), and insights
 * checks the reported arm against this assignment.
 */
export abstract class Experiments {
  /** The subject's arm in the running experiment on `surface` (e.g. `recommendations.home`); null when none runs. */
  abstract assign(surface: string, subject: ExperimentSubject): Promise<ExperimentAssignment | null>;
}
