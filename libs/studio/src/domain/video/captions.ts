import { InvalidCaptionError } from './video.errors.js';

export type CaptionFormat = 'vtt' | 'srt';

export interface Caption {
  /** BCP 47 tag, e.g. `en`, `pt-BR`. */
  language: string;
  label: string;
  /** The format it was uploaded in; `content` is always stored as WebVTT. */
  sourceFormat: CaptionFormat;
  content: string;
  cues: number;
}

export const MAX_CAPTION_BYTES = 512 * 1024;
const VTT_TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const SRT_TIME = /^(\d{2,}):([0-5]\d):([0-5]\d),(\d{3})$/;

function millis(match: RegExpExecArray): number {
  const [, hours, minutes, seconds, ms] = match;
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1_000 + Number(ms);
}

interface Cue {
  start: number;
  end: number;
  text: string[];
}

function timing(line: string, pattern: RegExp, cueNumber: number): { start: number; end: number } {
  const [left, right] = line.split('-->').map((part) => part.trim());
  // WebVTT allows cue settings after the end time ("00:01.000 --> 00:02.000 align:start").
  const start = pattern.exec(left ?? '');
  const end = pattern.exec((right ?? '').split(/\s+/)[0] ?? '');
  if (!start || !end) throw new InvalidCaptionError(`cue ${cueNumber} has a malformed timing line`, { cue: cueNumber });
  const range = { start: millis(start), end: millis(end) };
  if (range.end <= range.start)
    throw new InvalidCaptionError(`cue ${cueNumber} ends before it starts`, { cue: cueNumber });
  return range;
}

function blocks(text: string): string[][] {
  return text
    .split(/\n{2,}/)
    .map((block) => block.split('\n').filter((line) => line.length > 0))
    .filter((block) => block.length > 0);
}

function parseVtt(text: string): Cue[] {
  const [header, ...rest] = blocks(text);
  if (!header || !/^WEBVTT(?:[ \t].*)?$/.test(header[0]))
    throw new InvalidCaptionError('a WebVTT file starts with "WEBVTT"');
  const cues: Cue[] = [];
  for (const block of rest) {
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(block[0])) continue;
    const timingIndex = block[0].includes('-->') ? 0 : 1;
    const line = block[timingIndex];
    if (!line?.includes('-->'))
      throw new InvalidCaptionError(`cue ${cues.length + 1} has no timing line`, { cue: cues.length + 1 });
    cues.push({ ...timing(line, VTT_TIME, cues.length + 1), text: block.slice(timingIndex + 1) });
  }
  return cues;
}

function parseSrt(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of blocks(text)) {
    const number = cues.length + 1;
    if (!/^\d+$/.test(block[0].trim()))
      throw new InvalidCaptionError(`cue ${number} does not start with its number`, { cue: number });
    if (!block[1]?.includes('-->')) throw new InvalidCaptionError(`cue ${number} has no timing line`, { cue: number });
    cues.push({ ...timing(block[1], SRT_TIME, number), text: block.slice(2) });
  }
  return cues;
}

function vttTime(ms: number): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1_000) % 60)}.${pad(ms % 1_000, 3)}`;
}

/**
 * Validates an uploaded caption file (WebVTT or SubRip) and returns it as WebVTT, the format HLS
 * players read. Anything else — binary data, an empty file, a cue without timing — is refused.
 */
export function parseCaptionFile(raw: string, language: string, label?: string): Caption {
  if (new TextEncoder().encode(raw).length > MAX_CAPTION_BYTES)
    throw new InvalidCaptionError(`larger than ${MAX_CAPTION_BYTES} bytes`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(raw)) throw new InvalidCaptionError('the file contains binary data');
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
  if (!text) throw new InvalidCaptionError('the file is empty');
  const format: CaptionFormat = text.startsWith('WEBVTT') ? 'vtt' : 'srt';
  if (format === 'srt' && !/^\d+\n/.test(text))
    throw new InvalidCaptionError('neither a WebVTT header nor a SubRip cue number');
  const cues = format === 'vtt' ? parseVtt(text) : parseSrt(text);
  if (cues.length === 0) throw new InvalidCaptionError('the file has no cues');
  const content =
    format === 'vtt'
      ? `${text}\n`
      : `WEBVTT\n\n${cues.map((cue) => `${vttTime(cue.start)} --> ${vttTime(cue.end)}\n${cue.text.join('\n')}`).join('\n\n')}\n`;
  return { language, label: label ?? language, sourceFormat: format, content, cues: cues.length };
}
