import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class BlockIpRangeRequest {
  @ApiProperty({
    example: '203.0.113.0/24',
    description: 'An IPv4 or IPv6 address, or a CIDR range (at most a /8 for IPv4, a /16 for IPv6)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  range!: string;

  @ApiProperty({ example: 'credential stuffing from this network', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class IpBlockResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '203.0.113.0/24' }) range!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid', description: 'The admin who added it' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class IpBlockListResponse {
  @ApiProperty({ type: [IpBlockResponse] }) items!: IpBlockResponse[];
}
