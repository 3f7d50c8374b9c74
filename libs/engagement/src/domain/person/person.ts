/** What engagement knows of a user (from identity's events): enough to show them in lists and to e-mail them. */
export class Person {
  constructor(
    readonly userId: string,
    public handle: string,
    public displayName: string,
    public avatarUrl: string | null,
    public email: string | null = null,
  ) {}
}
