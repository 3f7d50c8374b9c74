import { DomainError, newId } from '@lib/platform/ddd';
import type { AccessLevel } from '../video/video.js';

/** A show on a channel; its episodes are videos with (season, episode) numbers. */
export class Series {
  readonly id: string;
  readonly channelId: string;
  title: string;
  description: string;
  readonly createdAt: Date;

  constructor(channelId: string, title: string, description: string) {
    this.id = newId();
    this.channelId = channelId;
    this.title = title;
    this.description = description;
    this.createdAt = new Date();
  }
}

/** A folder in a channel's library; a video may sit in several. */
export class Collection {
  readonly id: string;
  readonly channelId: string;
  name: string;
  readonly createdAt: Date;

  constructor(channelId: string, name: string) {
    this.id = newId();
    this.channelId = channelId;
    this.name = name;
    this.createdAt = new Date();
  }
}

export interface TemplateDefaults {
  description: string | null;
  tags: string[];
  category: string | null;
  language: string | null;
  accessLevel: AccessLevel | null;
  earlyAccessDays: number | null;
  /** `HH:mm`: bulk scheduling with the template publishes ready videos at the next such time in `timeZone`. */
  publishTimeOfDay: string | null;
  timeZone: string | null;
}

/** Defaults a creator applies when creating videos or in bulk. */
export class ContentTemplate {
  readonly id: string;
  readonly channelId: string;
  name: string;
  defaults: TemplateDefaults;
  readonly createdAt: Date;

  constructor(channelId: string, name: string, defaults: TemplateDefaults) {
    this.id = newId();
    this.channelId = channelId;
    this.name = name;
    this.defaults = defaults;
    this.createdAt = new Date();
  }
}

export class CollectionNotFoundError extends DomainError {
  readonly code = 'studio.collection.not-found';
  readonly kind = 'not-found';
  constructor(ids: string[]) {
    super('No such collection on this channel', { collectionIds: ids });
  }
}

export class CollectionNameTakenError extends DomainError {
  readonly code = 'studio.collection.name-taken';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(`The channel already has a collection named "${name}"`, { name });
  }
}

export class TemplateNotFoundError extends DomainError {
  readonly code = 'studio.template.not-found';
  readonly kind = 'not-found';
  constructor(templateId: string) {
    super(`No template ${templateId} on this channel`, { templateId });
  }
}

export class BatchRejectedError extends DomainError {
  readonly code = 'studio.batch.rejected';
  readonly kind = 'rule-violated';
  constructor(items: BatchItemReport[]) {
    super(`${items.filter((item) => !item.ok).length} of ${items.length} items were refused; nothing was changed`, {
      applied: false,
      items,
    });
  }
}

export interface BatchItemReport {
  id: string;
  ok: boolean;
  changedFields?: string[];
  state?: string;
  code?: string;
  message?: string;
}
