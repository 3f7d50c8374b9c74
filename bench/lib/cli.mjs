// Small pieces every benchmark's command line and progress output share.

/** Reads numeric options from parseArgs values: `number('rounds', 3, 1)` → the value, its default, or an error. */
export function numberReader(values) {
  return (name, fallback, min) => {
    const value = values[name] === undefined ? fallback : Number(values[name]);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}`);
    return value;
  };
}

/** Announces the next phase of a run. */
export function step(message) {
  console.log(`\n▸ ${message}`);
}

/** A folder option (`--app-root`, `--compare-app-root`) with one trailing slash, ready to prefix paths; or `fallback`. */
export function folderOption(value, fallback) {
  return value ? `${value.replace(/\/$/, '')}/` : fallback;
}
