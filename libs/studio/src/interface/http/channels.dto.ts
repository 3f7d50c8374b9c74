import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { AlternativeTo } from '@lib/platform';

export class CreateChannelRequest {
  @ApiProperty({ example: 'Night Kitchen' }) @IsString() @Length(1, 100) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 5_000) description?: string;
}

export class UpdateChannelRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 5_000) description?: string;
}

export class InviteMemberRequest {
  @ApiPropertyOptional({ description: 'The invitee’s handle (or give `email`)' })
  @AlternativeTo('email')
  @IsString()
  @Matches(/^@?[A-Za-z0-9_.]{1,40}$/)
  handle?: string;

  @ApiPropertyOptional({ description: 'The invitee’s account e-mail (or give `handle`)' })
  @AlternativeTo('handle')
  @IsEmail()
  email?: string;

  @ApiProperty({ enum: ['editor', 'viewer'] }) @IsIn(['editor', 'viewer']) role!: 'editor' | 'viewer';
}

export class ChangeRoleRequest {
  @ApiProperty({ enum: ['editor', 'viewer'] }) @IsIn(['editor', 'viewer']) role!: 'editor' | 'viewer';
}

export class TransferOwnershipRequest {
  @ApiProperty({ description: 'An active member who becomes the owner; the caller stays as an editor' })
  @IsUUID()
  userId!: string;
}

export class MemberResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['owner', 'editor', 'viewer'] }) role!: string;
  @ApiProperty({ enum: ['invited', 'active'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) handle!: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({ nullable: true, type: String }) invitedBy!: string | null;
  @ApiProperty() invitedAt!: string;
  @ApiProperty({ nullable: true, type: String }) joinedAt!: string | null;
}

export class InvitationResponse {
  @ApiProperty({ description: 'The address the invitation was sent to' }) email!: string;
  @ApiProperty({ enum: ['editor', 'viewer'] }) role!: string;
  @ApiProperty() invitedBy!: string;
  @ApiProperty() invitedAt!: string;
}

export class WithdrawInvitationQuery {
  @ApiProperty({ description: 'The address the invitation was sent to' }) @IsEmail() email!: string;
}

export class ChannelResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ type: [MemberResponse], description: 'The team, and invitations sent by handle' })
  members!: MemberResponse[];
  @ApiProperty({ type: [InvitationResponse], description: 'Invitations sent to e-mail addresses, until accepted' })
  invitations!: InvitationResponse[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class MyChannelResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ enum: ['owner', 'editor', 'viewer'] }) role!: string;
  @ApiProperty({ enum: ['invited', 'active'] }) status!: string;
}

export class MyChannelsResponse {
  @ApiProperty({ type: [MyChannelResponse] }) items!: MyChannelResponse[];
}

export class DeclinedResponse {
  @ApiProperty() declined!: boolean;
}

export class RemovedResponse {
  @ApiProperty() removed!: boolean;
}
