import { Command } from '@nestjs/cqrs';

/** Switches the caller's watch history on or off; off also clears it. */
export class SetHistorySettingsCommand extends Command<{ enabled: boolean }> {
  constructor(
    readonly userId: string,
    readonly enabled: boolean,
  ) {
    super();
  }
}
