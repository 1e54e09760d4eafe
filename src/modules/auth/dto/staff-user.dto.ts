import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../users/user.entity';
import type { Role } from '../../users/user.entity';
import type { StaffUser } from '../staff-user';

/** Who a token belongs to. */
export class StaffUserDto implements StaffUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'center@example.go.th' }) email!: string;
  @ApiProperty({ example: 'เจ้าหน้าที่ศูนย์รับเรื่อง' }) displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The department of an officer or head' }) departmentId!: string | null;
}
