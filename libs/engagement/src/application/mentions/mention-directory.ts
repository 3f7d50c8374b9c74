export interface MentionedPerson {
  userId: string;
  handle: string;
}

/** Resolves `@handle`s to the people engagement knows; unknown handles are simply not mentions. */
export abstract class MentionDirectory {
  abstract withHandles(handles: string[]): Promise<MentionedPerson[]>;
}
