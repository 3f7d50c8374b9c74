/** The inside of a double-quoted element of an array or row literal. */
const escapeQuoted = (text: string): string => text.replace(/["\\]/g, '\\$&');

/** A PostgreSQL array literal for one `?` parameter (MikroORM expands a JS array into a list of parameters). */
export function pgArray(values: string[]): string {
  return `{${values.map((value) => `"${escapeQuoted(value)}"`).join(',')}}`;
}

/** One field of a row literal: nothing for NULL, quoted when empty or holding what the parser would split on. */
function recordField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? value.toString()
        : JSON.stringify(value);
  return text === '' || /[",\\()\s]/.test(text) ? `"${escapeQuoted(text)}"` : text;
}

/**
 * An array-of-rows literal for one bound parameter cast to `<row type>[]` (`unnest($1::schema.table[])`): each
 * row's values in the type's column order; objects become JSON. PostgreSQL reads it positionally, field by field.
 */
export function pgRecordArray(rows: unknown[][]): string {
  return `{${rows.map((row) => `"${escapeQuoted(`(${row.map(recordField).join(',')})`)}"`).join(',')}}`;
}
