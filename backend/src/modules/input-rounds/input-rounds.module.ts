import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { InputRoundsController } from './input-rounds.controller.js';
import { InputRoundsService } from './input-rounds.service.js';

@Module({ imports: [CasesModule], controllers: [InputRoundsController], providers: [InputRoundsService], exports: [InputRoundsService] })
export class InputRoundsModule {}
