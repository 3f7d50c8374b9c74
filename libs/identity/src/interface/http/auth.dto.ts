import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../application/password-policy.js';

export class RegisterRequest {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    example: 'correct horse battery staple',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ example: 'ada', description: '3-30 letters, digits or underscores; unique, case-insensitive' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(31)
  handle!: string;

  @ApiProperty({ example: 'Ada Lovelace', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;
}

export class LogInRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1_024)
  password!: string;
}

export class RefreshRequest {
  @ApiProperty({ description: 'The refresh token from the last login or refresh; each works once' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class TokenPairResponse {
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'JWT for the Authorization header' }) accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 }) expiresIn!: number;
  @ApiProperty({ description: 'Opaque, single use; exchange it at /v1/auth/refresh' }) refreshToken!: string;
  @ApiProperty({ format: 'date-time' }) refreshTokenExpiresAt!: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'Whether the owner followed a verification link mailed to this address' })
  emailVerified!: boolean;
  @ApiProperty() handle!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) bio!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) avatarUrl!: string | null;
  @ApiProperty({ enum: ['member', 'creator', 'moderator', 'admin'], isArray: true }) roles!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AuthResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ type: TokenPairResponse }) tokens!: TokenPairResponse;
}

export class VerifyEmailRequest {
  @ApiProperty({ description: 'The token from the link in the verification mail' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

export class VerifyEmailResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: [true] }) emailVerified!: true;
}

export class PasswordResetRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordRequest {
  @ApiProperty({ description: 'The token from the link in the password reset mail' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
