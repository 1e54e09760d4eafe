import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DepartmentsModule } from '../departments/departments.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** UsersRepository comes from the global AuthModule, which needs it for sign-in. */
@Module({
  imports: [DepartmentsModule, AuditModule],
  controllers: [UsersController],
  providers: [UsersService],
  // The console's administration pages change users through the same service, so audit records it.
  exports: [UsersService],
})
export class UsersModule {}
