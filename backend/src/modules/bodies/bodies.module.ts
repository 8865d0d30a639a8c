import { Module } from '@nestjs/common';
import { BodiesController } from './bodies.controller.js';
import { BodiesService } from './bodies.service.js';

@Module({ controllers: [BodiesController], providers: [BodiesService], exports: [BodiesService] })
export class BodiesModule {}
