import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Category } from './category.entity';
import { DepartmentsModule } from '../departments/departments.module';
import { CategoriesController } from './categories.controller';
import { ActiveCategories } from './active-categories';
import { CategoriesRepository } from './categories.repository';
import { CategoriesService } from './categories.service';

@Module({
  imports: [TypeOrmModule.forFeature([Category]), DepartmentsModule, AuditModule],
  controllers: [CategoriesController],
  providers: [CategoriesRepository, CategoriesService, ActiveCategories],
  exports: [CategoriesService, ActiveCategories],
})
export class CategoriesModule {}
