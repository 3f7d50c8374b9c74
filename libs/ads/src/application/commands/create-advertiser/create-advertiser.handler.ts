import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@lib/platform';
import { InvalidAdInputError } from '../../../domain/index.js';
import { AdsCatalog, type AdvertiserView } from '../../ads-ports.js';
import { CreateAdvertiserCommand } from './create-advertiser.command.js';

@CommandHandler(CreateAdvertiserCommand)
export class CreateAdvertiserHandler implements ICommandHandler<CreateAdvertiserCommand, AdvertiserView> {
  constructor(private readonly catalog: AdsCatalog) {}

  execute({ name }: CreateAdvertiserCommand): Promise<AdvertiserView> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200)
      throw new InvalidAdInputError('name must be 1-200 characters', { field: 'name' });
    return this.catalog.addAdvertiser({ id: newId(), name: trimmed });
  }
}
