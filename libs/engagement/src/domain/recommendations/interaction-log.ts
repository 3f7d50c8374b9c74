import { SIGNAL_KINDS, type InteractionSignal, type SignalKind, type VideoFeatures } from './types.js';

/**
 * The offline evaluation's input, as CSV (RFC 4180: comma-separated, `"` quotes, header row,
 * columns in any order, extra columns ignored). README "Recommendations" shows how to export it
 * from insights' events.
 *
 * interactions.csv — `person_id,video_id,kind,value,at[,creator_id]`:
 *   kind is a signal kind (view past the threshold, completion, watch_time, like, rating, comment,
 *   save, skip, dislike) or `follow`; value is a rating's stars, watch time's seconds, else 1;
 *   at is ISO 8601. A `follow` row leaves video_id empty and names the followed creator_id.
 * videos.csv — `video_id,creator_id,category,language,tags,series_id,duration_seconds,published_at,title,description`:
 *   tags separated by `|`; empty cells for unknown category, language, series or duration.
 */
export const INTERACTION_COLUMNS = ['person_id', 'video_id', 'kind', 'value', 'at', 'creator_id'] as const;
export const VIDEO_COLUMNS = [
  'video_id',
  'creator_id',
  'category',
  'language',
  'tags',
  'series_id',
  'duration_seconds',
  'published_at',
  'title',
  'description',
] as const;

export interface Follow {
  personId: string;
  creatorId: string;
  at: Date;
}

export interface InteractionLog {
  signals: InteractionSignal[];
  follows: Follow[];
  /** Empty when no videos file was given: the evaluation then knows only the ids in the log. */
  videos: VideoFeatures[];
}

/** A row the evaluation cannot read; `line` counts from 1 (the header). */
export class InteractionLogError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}, line ${line}: ${reason}`);
    this.name = 'InteractionLogError';
  }
}

export function parseInteractions(
  text: string,
  file = 'interactions.csv',
): Pick<InteractionLog, 'signals' | 'follows'> {
  const signals: InteractionSignal[] = [];
  const follows: Follow[] = [];
  for (const { line, cell } of records(text, file, ['person_id', 'kind', 'at'])) {
    const personId = cell('person_id');
    const kind = cell('kind');
    const at = parseDate(cell('at'), file, line, 'at');
    if (!personId) throw new InteractionLogError(file, line, 'person_id is empty');
    if (kind === 'follow') {
      const creatorId = cell('creator_id');
      if (!creatorId) throw new InteractionLogError(file, line, 'a follow needs creator_id');
      follows.push({ personId, creatorId, at });
      continue;
    }
    if (!(SIGNAL_KINDS as readonly string[]).includes(kind))
      throw new InteractionLogError(file, line, `unknown kind '${kind}' (${[...SIGNAL_KINDS, 'follow'].join(', ')})`);
    const videoId = cell('video_id');
    if (!videoId) throw new InteractionLogError(file, line, 'video_id is empty');
    const value = cell('value') === '' ? 1 : Number(cell('value'));
    if (!Number.isFinite(value)) throw new InteractionLogError(file, line, `value '${cell('value')}' is not a number`);
    signals.push({ personId, videoId, kind: kind as SignalKind, value, at });
  }
  return { signals, follows };
}

export function parseVideos(text: string, file = 'videos.csv'): VideoFeatures[] {
  const videos: VideoFeatures[] = [];
  for (const { line, cell } of records(text, file, ['video_id', 'creator_id', 'published_at'])) {
    const videoId = cell('video_id');
    if (!videoId) throw new InteractionLogError(file, line, 'video_id is empty');
    const duration = cell('duration_seconds');
    const durationSeconds = duration === '' ? null : Number(duration);
    if (durationSeconds !== null && !Number.isFinite(durationSeconds))
      throw new InteractionLogError(file, line, `duration_seconds '${duration}' is not a number`);
    videos.push({
      videoId,
      creatorId: cell('creator_id'),
      category: cell('category') || null,
      language: cell('language') || null,
      tags: cell('tags')
        .split('|')
        .map((tag) => tag.trim())
        .filter(Boolean),
      seriesId: cell('series_id') || null,
      durationSeconds,
      publishedAt: parseDate(cell('published_at'), file, line, 'published_at'),
      title: cell('title'),
      description: cell('description'),
    });
  }
  return videos;
}

export function formatInteractions(log: Pick<InteractionLog, 'signals' | 'follows'>): string {
  const rows: string[][] = [[...INTERACTION_COLUMNS]];
  for (const follow of log.follows)
    rows.push([follow.personId, '', 'follow', '1', follow.at.toISOString(), follow.creatorId]);
  for (const signal of log.signals)
    rows.push([signal.personId, signal.videoId, signal.kind, String(signal.value), signal.at.toISOString(), '']);
  return formatCsv(rows);
}

export function formatVideos(videos: ReadonlyArray<VideoFeatures>): string {
  const rows: string[][] = [[...VIDEO_COLUMNS]];
  for (const video of videos)
    rows.push([
      video.videoId,
      video.creatorId,
      video.category ?? '',
      video.language ?? '',
      video.tags.join('|'),
      video.seriesId ?? '',
      video.durationSeconds === null ? '' : String(video.durationSeconds),
      video.publishedAt.toISOString(),
      video.title,
      video.description,
    ]);
  return formatCsv(rows);
}

/** RFC 4180 rows (quoted fields may hold commas, quotes doubled, and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (body[i + 1] !== '"') quoted = false;
      else {
        field += '"';
        i++;
      }
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      [row, field] = [[], ''];
    } else field += char;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(quote).join(',')).join('\n') + '\n';
}

function* records(
  text: string,
  file: string,
  required: readonly string[],
): Generator<{ line: number; cell: (column: string) => string }> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new InteractionLogError(file, 1, 'the file is empty');
  const columns = new Map(header.map((name, index) => [name.trim().toLowerCase(), index]));
  const missing = required.filter((column) => !columns.has(column));
  if (missing.length) throw new InteractionLogError(file, 1, `missing column(s) ${missing.join(', ')}`);
  let line = 1;
  for (const row of rows) {
    line++;
    if (row.length === 1 && row[0].trim() === '') continue;
    yield { line, cell: (column) => (row[columns.get(column) ?? -1] ?? '').trim() };
  }
}

function parseDate(value: string, file: string, line: number, column: string): Date {
  const at = new Date(value);
  if (!value || Number.isNaN(at.getTime()))
    throw new InteractionLogError(file, line, `${column} '${value}' is not a date`);
  return at;
}
