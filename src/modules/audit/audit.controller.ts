import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { Staff } from '../auth/staff.decorator';
import { AuditService } from './audit.service';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('administration')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Staff('admin')
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors(400)
  list(@Query() q: AuditQueryDto): Promise<AuditPageDto> {
    const filter = {
      action: q.action,
      actorId: q.actorId,
      caseId: q.caseId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    };
    return this.audit.page(filter, q.limit, q.cursor);
  }
}
