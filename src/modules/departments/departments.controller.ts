import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { DepartmentsService } from './departments.service';
import {
  CreateDepartmentDto,
  DepartmentDto,
  DepartmentListDto,
  DepartmentStaffListDto,
  ListDepartmentsQueryDto,
  toDepartmentDto,
  UpdateDepartmentDto,
} from './dto/department.dto';

@ApiTags('staff')
@Controller('api/v1/departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @Staff()
  @ApiOkResponse({ type: DepartmentListDto })
  @ApiErrors(400)
  async list(@CurrentUser() user: StaffUser, @Query() query: ListDepartmentsQueryDto): Promise<DepartmentListDto> {
    return { items: (await this.departments.list(user, query.includeInactive)).map(toDepartmentDto) };
  }

  @Get(':id/staff')
  @Staff('center', 'head')
  @ApiOkResponse({ type: DepartmentStaffListDto })
  @ApiErrors({ 404: 'No such active department, or not one whose staff you may list' })
  async staff(@CurrentUser() user: StaffUser, @Param('id') id: string): Promise<DepartmentStaffListDto> {
    return { items: await this.departments.assignableStaff(user, id) };
  }

  @Post()
  @Staff('admin')
  @ApiCreatedResponse({ type: DepartmentDto })
  @ApiErrors(400, { 409: 'The code is taken' })
  async create(@CurrentUser() actor: StaffUser, @Body() dto: CreateDepartmentDto): Promise<DepartmentDto> {
    return toDepartmentDto(await this.departments.create(actor, dto));
  }

  @Patch(':id')
  @Staff('admin')
  @ApiOkResponse({ type: DepartmentDto })
  @ApiErrors(404, {
    400: 'A field is wrong (the code cannot change); `details` names each one',
    409: 'Deactivation refused: active users or categories still refer to the department',
  })
  async update(@CurrentUser() actor: StaffUser, @Param('id') id: string, @Body() dto: UpdateDepartmentDto): Promise<DepartmentDto> {
    return toDepartmentDto(await this.departments.update(actor, id, dto));
  }
}
