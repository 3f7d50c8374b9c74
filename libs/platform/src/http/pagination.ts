import { DomainError } from '@lib/platform/ddd';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** `?cursor=&limit=`: every list endpoint pages by an opaque cursor, with a capped page size. */
export class CursorPageQuery {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page', maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;
}

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextCursor?: string;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor; undefined when it was tampered with or malformed. */
export function decodeCursor(cursor: string): unknown[] | undefined {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(values) ? values : undefined;
  } catch {
    return undefined;
  }
}

/** A keyset position (time, id) for newest-first lists; throws InvalidCursorError on a bad cursor. */
export function decodeKeysetCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = decodeCursor(cursor) ?? [];
  if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) throw new InvalidCursorError();
  return { at: new Date(at), id };
}

export function encodeKeysetCursor(at: Date, id: string): string {
  return encodeCursor([at.toISOString(), id]);
}

export class InvalidCursorError extends DomainError {
  readonly code = 'http.cursor-invalid';
  readonly kind = 'invalid' as const;
  constructor() {
    super('The cursor is malformed; start again without one');
  }
}
