import { Module } from '@nestjs/common';
import { MunicipalitiesService } from './municipalities.service.js';

/** Owns the `municipality` table; the operator command creates municipalities through it. */
@Module({ providers: [MunicipalitiesService], exports: [MunicipalitiesService] })
export class MunicipalitiesModule {}
