import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@config';
import { PlatformModule } from '@lib/platform';
import { CONTEXT_MODULES } from '../../contexts.js';

/** The application without HTTP or background processing, for one-off commands. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot({ config, http: false, worker: false }), ...CONTEXT_MODULES],
    };
  }
}
