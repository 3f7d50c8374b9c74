/** `@handle`s written in a text (lower-cased, without the @), each once, in order of appearance. */
export function mentionedHandles(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/(?:^|[^A-Za-z0-9_@])@([A-Za-z0-9_]{3,30})\b/g)].map((m) => m[1].toLowerCase())),
  ];
}
