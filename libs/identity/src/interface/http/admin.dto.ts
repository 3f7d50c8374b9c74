import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn } from 'class-validator';
import { ROLES, type Role } from '../../domain/user/role.js';
import { UserResponse } from './auth.dto.js';

export class ChangeRolesRequest {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['member', 'creator'], description: '`member` is always kept' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] }) items!: UserResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}
