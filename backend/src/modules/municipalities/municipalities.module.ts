import { Module } from '@nestjs/common';
import { MunicipalitiesController } from './municipalities.controller.js';
import { MunicipalitiesService } from './municipalities.service.js';

/** Owns the `municipality` table: the operator command creates municipalities through it; administrators choose the målform. */
@Module({ controllers: [MunicipalitiesController], providers: [MunicipalitiesService], exports: [MunicipalitiesService] })
export class MunicipalitiesModule {}
