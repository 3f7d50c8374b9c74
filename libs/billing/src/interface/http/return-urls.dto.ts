import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Where a one-off Checkout (tip, gift) sends the payer back; checked against APP_URL and APP_RETURN_ORIGINS. */
export class ReturnUrlsRequest {
  @ApiPropertyOptional({ description: 'Where to return after paying (APP_URL or APP_RETURN_ORIGINS)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  successUrl?: string;

  @ApiPropertyOptional({ description: 'Where to return after giving up (APP_URL or APP_RETURN_ORIGINS)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cancelUrl?: string;
}
