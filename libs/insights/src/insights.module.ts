import { Module } from '@nestjs/common';

/** Event ingestion, rollups, creator and platform analytics, exports. */
@Module({})
export class InsightsModule {}
