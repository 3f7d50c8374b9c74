/** How long after a decision it can be appealed, and how long an appeal may be (issue 12). */
export const APPEAL_WINDOW_DAYS = 20;
export const APPEAL_TEXT_MAX = 2_000;
