import { Body, Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { AuthService } from './auth.service';
import { ClientAddress } from './client-address.decorator';
import { OtpEnrolmentRequiredDto, SignInRefusedDto } from './dto/auth-errors.dto';
import { StaffUserDto } from './dto/staff-user.dto';
import { AccessTokenDto, LoginDto } from './dto/login.dto';
import { ConfirmEnrolmentDto, EnrolDto, EnrolledDto, EnrolmentTokenDto, OtpSecretDto, StartEnrolmentDto } from './dto/otp.dto';
import { OtpEnrolmentService } from './otp-enrolment.service';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { ENROLMENT_TTL_SECONDS } from './staff-tokens';
import { CurrentUser, Staff } from './staff.decorator';
import type { StaffUser } from './staff-user';

const STALE_ENROLMENT = 'The enrolment token is invalid, expired, superseded by a newer one, or already confirmed';

@ApiTags('staff')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly enrolment: OtpEnrolmentService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @PublicRateLimit()
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({
    type: SignInRefusedDto,
    description: 'Wrong email or password, a locked account, or (`otp_required`) a missing or wrong second factor',
  })
  @ApiForbiddenResponse({
    type: OtpEnrolmentRequiredDto,
    description: 'The password was right, and the role must sign in with a second factor that the account has not set up yet',
  })
  @ApiErrors({ 429: 'Too many failed sign-ins from this address this minute, or the public rate limit; wait for Retry-After seconds' })
  login(@Body() dto: LoginDto, @ClientAddress() client: string): Promise<AccessTokenDto> {
    return this.auth.login(dto, client);
  }

  @Post('otp/enrolment')
  @Staff()
  @ApiOperation({ summary: 'Start setting up two-factor sign-in for one’s own account (for roles that do not require it)' })
  @ApiCreatedResponse({ type: EnrolmentTokenDto })
  @ApiErrors({
    400: 'The password is wrong (`details` names it)',
    409: 'The account already has two-factor sign-in; an administrator can reset it',
  })
  async startEnrolment(@CurrentUser() user: StaffUser, @Body() dto: StartEnrolmentDto): Promise<EnrolmentTokenDto> {
    return { enrolmentToken: await this.enrolment.beginVoluntarily(user, dto.password), expiresIn: ENROLMENT_TTL_SECONDS };
  }

  @Post('otp/enrol')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new TOTP secret for the authenticator app; calling again replaces it' })
  @ApiOkResponse({ type: OtpSecretDto })
  @ApiErrors({ 401: STALE_ENROLMENT })
  enrol(@Body() dto: EnrolDto): Promise<OtpSecretDto> {
    return this.enrolment.secretFor(dto.enrolmentToken);
  }

  @Post('otp/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Prove the app has the secret with its current code: two-factor sign-in is then on' })
  @ApiOkResponse({ type: EnrolledDto })
  @ApiErrors({
    400: 'The code does not match the secret just enrolled (`details` names `otp`)',
    401: STALE_ENROLMENT,
    409: 'POST /api/v1/auth/otp/enrol was not called for this enrolment yet',
  })
  confirm(@Body() dto: ConfirmEnrolmentDto): Promise<EnrolledDto> {
    return this.enrolment.confirm(dto.enrolmentToken, dto.otp);
  }

  /** Who the token belongs to: the staff console's first call. */
  @Get('me')
  @Staff()
  @ApiOkResponse({ type: StaffUserDto })
  me(@CurrentUser() user: StaffUser): StaffUserDto {
    return user;
  }
}
