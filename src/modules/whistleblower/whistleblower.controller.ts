import { Body, Controller, Get, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { FastifyRequest } from 'fastify';
import { readUpload } from '../attachments/multipart-upload';
import { FILES_BODY_SCHEMA } from '../attachments/dto/attachment.dto';
import { ClientAddress } from '../auth/client-address.decorator';
import { RetryAfterInterceptor } from '../auth/retry-after.interceptor';
import {
  AccessDto,
  ChallengeDto,
  FiledReportDto,
  FileReportDto,
  NewMessageDto,
  ReceiptTokenDto,
  ReportMessageDto,
  WhistleblowerReportDto,
} from './dto/report.dto';
import { ReportCase, WithReceiptToken } from './receipt-token.guard';
import { WhistleblowerService } from './whistleblower.service';

/**
 * The separate whistleblower channel (OIT o30). No account, no cookie; the
 * client's address is used only in memory, hashed, for the limits.
 */
@ApiTags('whistleblower')
@UseInterceptors(RetryAfterInterceptor)
@Controller('api/v1/whistleblower')
export class WhistleblowerController {
  constructor(private readonly channel: WhistleblowerService) {}

  @Get('challenge')
  @ApiOperation({
    summary: 'A proof-of-work challenge for one report',
    description: 'Find a decimal nonce such that SHA-256(salt + nonce) begins with `difficulty` zero bits; good once, for 2 hours',
  })
  @ApiOkResponse({ type: ChallengeDto })
  challenge(): Promise<ChallengeDto> {
    return this.channel.issueChallenge();
  }

  @Post('reports')
  @HttpCode(201)
  @ApiOperation({ summary: 'File a report; the receipt code in the answer is shown once and never stored' })
  @ApiCreatedResponse({ type: FiledReportDto })
  @ApiErrors({
    400: 'A field is wrong, or `pow` does not solve its challenge (`details` names the field)',
    429: 'Without `pow`: too many reports from this client this hour',
  })
  file(@Body() dto: FileReportDto, @ClientAddress() client: string): Promise<FiledReportDto> {
    return this.channel.file(dto, client, 'th');
  }

  @Post('access')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade the receipt code for a short-lived token' })
  @ApiOkResponse({ type: ReceiptTokenDto })
  @ApiErrors({
    400: 'receiptCode is not 16 digits',
    401: 'No report has this receipt code',
    429: 'Too many wrong receipt codes from this client, or from everyone',
  })
  access(@Body() dto: AccessDto, @ClientAddress() client: string): Promise<ReceiptTokenDto> {
    return this.channel.access(dto.receiptCode, client);
  }

  @Get('report')
  @WithReceiptToken()
  @ApiOperation({ summary: 'The report: status, public steps and messages' })
  @ApiOkResponse({ type: WhistleblowerReportDto })
  @ApiErrors({ 404: 'The report is gone' })
  report(@ReportCase() caseId: string): Promise<WhistleblowerReportDto> {
    return this.channel.read(caseId);
  }

  @Post('report/messages')
  @HttpCode(201)
  @WithReceiptToken()
  @ApiOperation({ summary: 'Write to the integrity officer' })
  @ApiCreatedResponse({ type: ReportMessageDto })
  @ApiErrors({ 400: '`body` is missing or too long', 404: 'The report is gone' })
  message(@ReportCase() caseId: string, @Body() dto: NewMessageDto): Promise<ReportMessageDto> {
    return this.channel.postMessage(caseId, dto.body);
  }

  @Post('report/attachments')
  @HttpCode(201)
  @WithReceiptToken()
  @ApiOperation({
    summary: 'Add files (images have their metadata removed; documents keep theirs: remove it before sending)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILES_BODY_SCHEMA)
  @ApiCreatedResponse({
    schema: { type: 'object', properties: { added: { type: 'integer' } }, required: ['added'], additionalProperties: false },
  })
  @ApiErrors({
    400: 'A file is refused (type, empty, metadata that cannot be removed); `details` names it',
    404: 'The report is gone',
    409: 'The report already has 10 files from the whistleblower',
    413: 'A file is over 10 MB',
  })
  async attach(@ReportCase() caseId: string, @Req() request: FastifyRequest): Promise<{ added: number }> {
    const upload = await this.channel.receiveFiles((staging) => readUpload(request, staging));
    return { added: await this.channel.addFiles(caseId, upload) };
  }
}
