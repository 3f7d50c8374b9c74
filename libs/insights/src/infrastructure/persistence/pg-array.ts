/** A PostgreSQL array literal for one `?` parameter (MikroORM expands a JS array into a list of parameters). */
export function pgArray(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
