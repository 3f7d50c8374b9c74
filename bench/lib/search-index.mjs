// What a bare baseline server needs from the search index tables, read as PostgresSearchIndex reads them.

/** The live physical index behind `alias` (name, version, definition); resolved once and cached by callers. */
export async function loadLiveIndexVersion(pool, alias) {
  const { rows } = await pool.query(
    `select i.physical_name, i.version, i.definition
     from search.aliases a join search.indices i on i.physical_name = a.physical_name
     where a.alias = $1`,
    [alias],
  );
  if (rows.length === 0) throw new Error(`search index alias "${alias}" does not exist`);
  return { physicalName: rows[0].physical_name, version: rows[0].version, definition: rows[0].definition };
}
