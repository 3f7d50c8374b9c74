// What became of the requests of a round: status classes, and what failed (error statuses with their problem+json
// `code`, transport errors, timeouts, arrivals dropped), counted so a report can say which failures and how many.

const TIMEOUTS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const BODY_LIMIT = 4_096; // a problem+json body is small; an error page is cut

/** The `code` of a problem+json (or any JSON) error body, or undefined. */
export function problemCode(text) {
  try {
    const code = JSON.parse(text)?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** An error answer's body, read up to BODY_LIMIT characters (undici's body mixin), or '' when it cannot be read. */
export async function errorBody(body) {
  try {
    return (await body.text()).slice(0, BODY_LIMIT);
  } catch {
    return '';
  }
}

/** A transport failure as a short label: a timeout, or undici's error code (ECONNRESET, UND_ERR_SOCKET…). */
export function transportError(error) {
  const code = error.code ?? error.name ?? 'error';
  return TIMEOUTS.has(code) ? `timeout (${code})` : `${code}${error.message ? `: ${error.message.slice(0, 80)}` : ''}`;
}

/** How a record ended, as one label: `2xx`, `403 billing.entitlement.required`, `timeout (…)`, `dropped: …`. */
export function outcomeOf(record) {
  if (record.error) return record.error;
  if (record.status >= 200 && record.status < 300) return '2xx';
  return `${record.status} ${record.code ?? '(no code)'}`;
}

/**
 * Counts of each status class (`2xx`, `4xx`, `5xx`, and `no answer` for errors) and the `top` most frequent
 * failures as [label, count] pairs, most frequent first, for records { status?, code?, error? }.
 */
export function outcomes(records, top = 5) {
  const statusClasses = {};
  const failures = new Map();
  for (const record of records) {
    const statusClass = record.error ? 'no answer' : `${Math.floor(record.status / 100)}xx`;
    statusClasses[statusClass] = (statusClasses[statusClass] ?? 0) + 1;
    const outcome = outcomeOf(record);
    if (outcome !== '2xx') failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
  }
  return {
    statusClasses: Object.fromEntries(Object.entries(statusClasses).sort(([a], [b]) => a.localeCompare(b))),
    failures: [...failures.entries()].sort((a, b) => b[1] - a[1]).slice(0, top),
    timeouts: records.filter((r) => r.error?.startsWith('timeout')).length,
  };
}

/** `3 × 403 billing.entitlement.required, 1 × timeout (…)`, or '' when nothing failed. */
export function describeFailures(failures) {
  return failures.map(([label, count]) => `${count} × ${label}`).join(', ');
}
