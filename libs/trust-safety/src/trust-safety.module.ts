import { Global, Module } from '@nestjs/common';

/**
 * Screening, reports, the review queue, moderation actions, appeals, DMCA and trust scores (see
 * libs/trust-safety/README.md). Global because other contexts inject its contract ports
 * (`ContentScreening`, `AccountStandings`).
 */
@Global()
@Module({
  imports: [],
  controllers: [],
  providers: [],
  exports: [],
})
export class TrustSafetyModule {}
