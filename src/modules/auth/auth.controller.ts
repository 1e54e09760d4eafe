import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { AuthService } from './auth.service';
import { AccessTokenDto, LoginDto } from './dto/login.dto';
import { CurrentUser, Staff } from './staff.decorator';
import type { StaffUser } from './staff-user';

@ApiTags('staff')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @PublicRateLimit('signIn')
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or the account is locked for a while' })
  login(@Body() dto: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(dto.email, dto.password);
  }

  /** Who the token belongs to: the staff console's first call. */
  @Get('me')
  @Staff()
  me(@CurrentUser() user: StaffUser): StaffUser {
    return user;
  }
}
