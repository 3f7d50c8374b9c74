import {
  SCREENING_ACTIONS,
  SCREENING_SURFACES,
  type ScreeningAction,
  type ScreeningSignal,
  type ScreeningSurface,
} from '../../contracts/index.js';
import { PolicyInvalidError, type PolicyProblem } from './moderation-policy.errors.js';

/**
 * What the screening can notice in a text. Each signal scores 0..1; a rule fires when the score
 * reaches its `atLeast`.
 */
export const SCREENING_SIGNALS = [
  'profanity', // obscene words (obscenity's English set), evasions included
  'slur', // the hateful part of the same set: always stricter than plain profanity
  'link', // a link to a domain not on the allow list
  'denied-link', // a link to a domain on the deny list (or a subdomain of one)
  'spam', // the spam model's probability
  'repetition', // the author already posted the same text `repeats` times within the window
  'mentions', // more @mentions than the author's limit
] as const;
export type ScreeningSignalName = (typeof SCREENING_SIGNALS)[number];

export interface PolicyRule {
  signal: ScreeningSignalName;
  /** The score from which the rule fires; 1 (the default) means "the signal fired fully". */
  atLeast: number;
  action: Exclude<ScreeningAction, 'allow'>;
}

export interface PolicyLimits {
  /** Most @mentions in one text when the author's standing sets no limit of its own. */
  maxMentions: number;
  /** How many times the same author may post the same (normalised) text within the window. */
  repeats: number;
  repeatWindowSeconds: number;
}

/** The editable part of a policy: what admins read and write through the API. */
export interface PolicyDocument {
  surfaces: Partial<Record<ScreeningSurface, PolicyRule[]>>;
  links: { allow: string[]; deny: string[] };
  limits: PolicyLimits;
}

export interface ModerationPolicy extends PolicyDocument {
  version: number;
  editedBy: string | null;
  editedAt: Date | null;
}

const STRICTNESS: Record<ScreeningAction, number> = { allow: 0, flag: 1, hold: 2, hide: 3, refuse: 4 };

export const MAX_RULES_PER_SURFACE = 50;
export const MAX_DOMAINS_PER_LIST = 5_000;

/** What happened to a text on a surface under a policy: the strictest rule that fired wins. */
export function decide(
  policy: PolicyDocument,
  surface: ScreeningSurface,
  signals: ScreeningSignal[],
): { action: ScreeningAction; rule: string | null } {
  let decision: { action: ScreeningAction; rule: string | null } = { action: 'allow', rule: null };
  for (const rule of policy.surfaces[surface] ?? []) {
    const score = signals.find((s) => s.signal === rule.signal)?.score ?? 0;
    if (score <= 0 || score < rule.atLeast) continue;
    if (STRICTNESS[rule.action] > STRICTNESS[decision.action]) {
      decision = { action: rule.action, rule: `${surface}.${rule.signal}` };
    }
  }
  return decision;
}

/** The signals a surface's rules look at: the others need not be computed. */
export function signalsUsedOn(policy: PolicyDocument, surface: ScreeningSurface): Set<ScreeningSignalName> {
  return new Set((policy.surfaces[surface] ?? []).map((rule) => rule.signal));
}

/** Whether a host is on a domain list: the domain itself or any subdomain of it. */
export function hostMatches(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

const rule = (signal: ScreeningSignalName, action: PolicyRule['action'], atLeast = 1): PolicyRule => ({
  signal,
  action,
  atLeast,
});

/** Rules every surface shares: hate and known-bad links are never shown, flooding waits for a moderator. */
const baseline = [rule('slur', 'refuse'), rule('denied-link', 'refuse'), rule('repetition', 'hold')];

/**
 * The policy in force until an admin saves one (version 1). Names and titles are short and public,
 * so profanity there is refused outright; longer texts are held or flagged instead, so a false
 * positive costs a review rather than a lost text.
 */
export const DEFAULT_POLICY: PolicyDocument = {
  surfaces: {
    'profile.name': [...baseline, rule('profanity', 'refuse'), rule('link', 'refuse')],
    'profile.bio': [...baseline, rule('profanity', 'hold'), rule('spam', 'hold', 0.9)],
    'channel.name': [...baseline, rule('profanity', 'refuse'), rule('link', 'refuse')],
    'channel.description': [...baseline, rule('profanity', 'flag'), rule('spam', 'hold', 0.9)],
    'video.title': [...baseline, rule('profanity', 'refuse'), rule('spam', 'hold', 0.9)],
    'video.description': [...baseline, rule('profanity', 'flag'), rule('spam', 'hold', 0.9)],
    'video.caption': [...baseline, rule('profanity', 'flag')],
    message: [...baseline, rule('profanity', 'hold'), rule('spam', 'hold', 0.9), rule('mentions', 'flag')],
    comment: [...baseline, rule('profanity', 'hold'), rule('spam', 'hold', 0.9), rule('mentions', 'hold')],
    post: [...baseline, rule('profanity', 'hold'), rule('spam', 'hold', 0.9), rule('mentions', 'hold')],
    'live-chat': [...baseline, rule('profanity', 'hide'), rule('spam', 'hide', 0.9), rule('mentions', 'hide')],
  },
  links: { allow: [], deny: [] },
  limits: { maxMentions: 5, repeats: 3, repeatWindowSeconds: 600 },
};

/**
 * Checks an admin's document and returns it normalised (rules complete, domains lower-case), or
 * throws `PolicyInvalidError` listing every problem: an unknown surface, signal or action never
 * reaches storage.
 */
export function parsePolicyDocument(input: unknown): PolicyDocument {
  const problems: PolicyProblem[] = [];
  const doc = isObject(input) ? input : (problems.push({ field: '', code: 'not-an-object' }), {});
  unknownKeys(doc, ['surfaces', 'links', 'limits'], '', problems);

  const surfaces: PolicyDocument['surfaces'] = {};
  const surfacesIn = isObject(doc.surfaces)
    ? doc.surfaces
    : (problems.push({ field: 'surfaces', code: 'required' }), {});
  for (const [surface, rules] of Object.entries(surfacesIn)) {
    const at = `surfaces.${surface}`;
    if (!(SCREENING_SURFACES as readonly string[]).includes(surface)) {
      problems.push({ field: at, code: 'unknown-surface', allowed: [...SCREENING_SURFACES] });
      continue;
    }
    if (!Array.isArray(rules) || rules.length > MAX_RULES_PER_SURFACE) {
      problems.push({ field: at, code: 'not-a-list', max: MAX_RULES_PER_SURFACE });
      continue;
    }
    surfaces[surface as ScreeningSurface] = rules.flatMap((candidate: unknown, index) =>
      parseRule(candidate, `${at}[${index}]`, problems),
    );
  }

  const linksIn = isObject(doc.links) ? doc.links : {};
  unknownKeys(linksIn, ['allow', 'deny'], 'links', problems);
  const links = {
    allow: domains(linksIn.allow, 'links.allow', problems),
    deny: domains(linksIn.deny, 'links.deny', problems),
  };

  const limitsIn = isObject(doc.limits) ? doc.limits : {};
  unknownKeys(limitsIn, ['maxMentions', 'repeats', 'repeatWindowSeconds'], 'limits', problems);
  const limits: PolicyLimits = {
    maxMentions: integer(
      limitsIn.maxMentions,
      DEFAULT_POLICY.limits.maxMentions,
      0,
      1_000,
      'limits.maxMentions',
      problems,
    ),
    repeats: integer(limitsIn.repeats, DEFAULT_POLICY.limits.repeats, 1, 1_000, 'limits.repeats', problems),
    repeatWindowSeconds: integer(
      limitsIn.repeatWindowSeconds,
      DEFAULT_POLICY.limits.repeatWindowSeconds,
      1,
      7 * 86_400,
      'limits.repeatWindowSeconds',
      problems,
    ),
  };

  if (problems.length) throw new PolicyInvalidError(problems);
  return { surfaces, links, limits };
}

function parseRule(candidate: unknown, at: string, problems: PolicyProblem[]): PolicyRule[] {
  if (!isObject(candidate)) {
    problems.push({ field: at, code: 'not-an-object' });
    return [];
  }
  unknownKeys(candidate, ['signal', 'action', 'atLeast'], at, problems);
  const { signal, action, atLeast = 1 } = candidate;
  let valid = true;
  if (typeof signal !== 'string' || !(SCREENING_SIGNALS as readonly string[]).includes(signal)) {
    problems.push({ field: `${at}.signal`, code: 'unknown-signal', allowed: [...SCREENING_SIGNALS] });
    valid = false;
  }
  const actions = SCREENING_ACTIONS.filter((a) => a !== 'allow');
  if (typeof action !== 'string' || !(actions as readonly string[]).includes(action)) {
    problems.push({ field: `${at}.action`, code: 'unknown-action', allowed: actions });
    valid = false;
  }
  if (typeof atLeast !== 'number' || !Number.isFinite(atLeast) || atLeast <= 0 || atLeast > 1) {
    problems.push({ field: `${at}.atLeast`, code: 'out-of-range', min: 0, max: 1 });
    valid = false;
  }
  return valid ? [{ signal, action, atLeast } as PolicyRule] : [];
}

// A host name: labels of letters, digits and hyphens (IDNs in their xn-- form), at least one dot.
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

function domains(value: unknown, at: string, problems: PolicyProblem[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_DOMAINS_PER_LIST) {
    problems.push({ field: at, code: 'not-a-list', max: MAX_DOMAINS_PER_LIST });
    return [];
  }
  const out = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const domain =
      typeof entry === 'string'
        ? entry
            .trim()
            .toLowerCase()
            .replace(/^www\./, '')
        : '';
    if (DOMAIN.test(domain)) out.add(domain);
    else problems.push({ field: `${at}[${index}]`, code: 'not-a-domain' });
  });
  return [...out];
}

function integer(value: unknown, fallback: number, min: number, max: number, at: string, problems: PolicyProblem[]) {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push({ field: at, code: 'out-of-range', min, max });
  return fallback;
}

function unknownKeys(object: Record<string, unknown>, known: string[], at: string, problems: PolicyProblem[]) {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) problems.push({ field: at ? `${at}.${key}` : key, code: 'unknown-field' });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
