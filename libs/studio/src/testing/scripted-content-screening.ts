import {
  ContentRefusedError,
  ContentScreening,
  type ScreeningAction,
  type ScreeningRequest,
  type ScreeningVerdict,
} from '@lib/trust-safety/contracts';

/** Answers each text with the verdict chosen for it (default: allow), throwing on `refuse` like the real port. */
export class ScriptedContentScreening extends ContentScreening {
  readonly screened: ScreeningRequest[] = [];
  private readonly verdicts = new Map<string, ScreeningAction>();

  answer(text: string, action: ScreeningAction): void {
    this.verdicts.set(text, action);
  }

  async check(request: ScreeningRequest): Promise<ScreeningVerdict> {
    const action = this.verdicts.get(request.text) ?? 'allow';
    const rule = action === 'allow' ? null : `${request.surface}.test`;
    return { action, rule, signals: [], policyVersion: 1, spamModelVersion: null };
  }

  async screen(request: ScreeningRequest): Promise<ScreeningVerdict> {
    return this.assess(request);
  }

  async assess(request: ScreeningRequest): Promise<ScreeningVerdict> {
    this.screened.push(request);
    const verdict = await this.check(request);
    if (verdict.action === 'refuse')
      throw new ContentRefusedError({ surface: request.surface, rule: verdict.rule!, signals: [] });
    return verdict;
  }

  /** Nothing is queued for review here. */
  async record(): Promise<void> {}
}
