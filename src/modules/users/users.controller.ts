import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { CreateUserDto, ListUsersQueryDto, toUserDto, UpdateUserDto, UserDto, UserListDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('administration')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Staff('admin')
  @ApiOkResponse({ type: UserListDto })
  @ApiErrors(400)
  async list(@Query() query: ListUsersQueryDto): Promise<UserListDto> {
    return { items: (await this.users.list(query)).map(toUserDto) };
  }

  @Post()
  @Staff('admin')
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors({
    400: 'A field is wrong, or the department does not fit the role; `details` names it',
    409: 'The email is taken (in any letter case)',
  })
  async create(@CurrentUser() actor: StaffUser, @Body() dto: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.create(actor, dto));
  }

  @Patch(':id')
  @Staff('admin')
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(404, { 400: 'A field is wrong, the department does not fit the role, or an administrator would lock themself out' })
  async update(@CurrentUser() actor: StaffUser, @Param('id') id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.update(actor, id, dto));
  }

  @Post(':id/otp/reset')
  @HttpCode(200)
  @Staff('admin')
  @ApiOperation({
    summary: 'Reset a user’s two-factor sign-in (a lost phone)',
    description:
      'Removes the authenticator secret and the recovery codes and ends every token of the user; where the role ' +
      'requires two-factor sign-in, the user sets it up again at the next sign-in. Recorded in the audit log as otp_reset.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(404)
  async resetSecondFactor(@CurrentUser() actor: StaffUser, @Param('id') id: string): Promise<UserDto> {
    return toUserDto(await this.users.resetSecondFactor(actor, id));
  }
}
