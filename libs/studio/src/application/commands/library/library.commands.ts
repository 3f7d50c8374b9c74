import { Command } from '@nestjs/cqrs';
import type { BatchItemReport, TemplateDefaults } from '../../../domain/library/library.js';
import type { VideoInput } from '../videos/video.commands.js';

/** Edits several videos at once: all change, or none (the report says which refused and why). */
export class BatchEditCommand extends Command<{ applied: true; items: BatchItemReport[] }> {
  constructor(
    readonly userId: string,
    readonly videoIds: string[],
    readonly changes: Omit<VideoInput, 'episode'>,
  ) {
    super();
  }
}

/** Applies a template's defaults to videos (all-or-nothing) and, with `schedule`, schedules the ready ones at its time of day. */
export class ApplyTemplateCommand extends Command<{
  applied: true;
  items: BatchItemReport[];
  scheduled: BatchItemReport[];
}> {
  constructor(
    readonly userId: string,
    readonly templateId: string,
    readonly videoIds: string[],
    readonly schedule: boolean,
  ) {
    super();
  }
}

export class CreateSeriesCommand extends Command<{
  id: string;
  channelId: string;
  title: string;
  description: string;
  createdAt: string;
}> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly title: string,
    readonly description: string,
  ) {
    super();
  }
}

export class CreateCollectionCommand extends Command<{
  id: string;
  channelId: string;
  name: string;
  createdAt: string;
}> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly name: string,
  ) {
    super();
  }
}

export class DeleteCollectionCommand extends Command<{ deleted: true }> {
  constructor(
    readonly userId: string,
    readonly collectionId: string,
  ) {
    super();
  }
}

export class CreateTemplateCommand extends Command<{
  id: string;
  channelId: string;
  name: string;
  defaults: TemplateDefaults;
  createdAt: string;
}> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly name: string,
    readonly defaults: Partial<TemplateDefaults>,
  ) {
    super();
  }
}

export class DeleteTemplateCommand extends Command<{ deleted: true }> {
  constructor(
    readonly userId: string,
    readonly templateId: string,
  ) {
    super();
  }
}
