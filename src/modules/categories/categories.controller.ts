import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { CategoriesService } from './categories.service';
import {
  CategoryDto,
  CategoryListDto,
  CreateCategoryDto,
  ListCategoriesQueryDto,
  toCategoryDto,
  UpdateCategoryDto,
} from './dto/category.dto';

@ApiTags('staff')
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @Staff()
  @ApiOkResponse({ type: CategoryListDto })
  @ApiErrors(400)
  async list(@CurrentUser() user: StaffUser, @Query() query: ListCategoriesQueryDto): Promise<CategoryListDto> {
    return { items: (await this.categories.list(user, query)).map(toCategoryDto) };
  }

  @Post()
  @Staff('admin')
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiErrors(400, { 409: 'The code is taken' })
  async create(@CurrentUser() actor: StaffUser, @Body() dto: CreateCategoryDto): Promise<CategoryDto> {
    return toCategoryDto(await this.categories.create(actor, dto));
  }

  @Patch(':id')
  @Staff('admin')
  @ApiOkResponse({ type: CategoryDto })
  @ApiErrors(404, { 400: 'A field is wrong (code and kind cannot change); `details` names each one' })
  async update(@CurrentUser() actor: StaffUser, @Param('id') id: string, @Body() dto: UpdateCategoryDto): Promise<CategoryDto> {
    return toCategoryDto(await this.categories.update(actor, id, dto));
  }
}
