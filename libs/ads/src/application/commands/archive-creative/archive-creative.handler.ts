import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CreativeNotFoundError } from '../../../domain/index.js';
import { AdsCatalog, type CreativeView } from '../../ads-ports.js';
import { CatalogChanges } from '../../delivery/catalog-changes.js';
import { ArchiveCreativeCommand } from './archive-creative.command.js';

/** Removes a creative from serving on every node; its delivery history stays. Archiving twice answers the same. */
@CommandHandler(ArchiveCreativeCommand)
export class ArchiveCreativeHandler implements ICommandHandler<ArchiveCreativeCommand, CreativeView> {
  constructor(
    private readonly catalog: AdsCatalog,
    private readonly changes: CatalogChanges,
  ) {}

  async execute({ creativeId }: ArchiveCreativeCommand): Promise<CreativeView> {
    const view = await this.catalog.archiveCreative(creativeId);
    if (!view) throw new CreativeNotFoundError(creativeId);
    await this.changes.announce();
    return view;
  }
}
