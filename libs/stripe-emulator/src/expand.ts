/** Stripe's `expand[]`: replaces id strings at dotted paths (`latest_invoice`, `data.customer`, `items.data.price.product`) with the objects. */
export async function expandPaths(
  value: unknown,
  paths: readonly string[],
  fetch: (id: string) => Promise<unknown>,
): Promise<unknown> {
  let expanded = value;
  for (const path of paths) expanded = await expandPath(expanded, path.split('.'), fetch);
  return expanded;
}

async function expandPath(value: unknown, path: string[], fetch: (id: string) => Promise<unknown>): Promise<unknown> {
  if (path.length === 0) return value;
  if (Array.isArray(value)) return Promise.all(value.map((element) => expandPath(element, path, fetch)));
  if (typeof value !== 'object' || value === null) return value;
  const [field, ...rest] = path;
  const record = value as Record<string, unknown>;
  if (!(field in record)) return value;
  let child = record[field];
  if (typeof child === 'string') child = (await fetch(child)) ?? child;
  // A list of ids (a subscription's `discounts`) expands element by element.
  else if (Array.isArray(child) && child.every((element) => typeof element === 'string'))
    child = await Promise.all(child.map(async (element: string) => (await fetch(element)) ?? element));
  return { ...record, [field]: await expandPath(child, rest, fetch) };
}
