import { Module } from '@nestjs/common';
import { PersonalDataController } from './personal-data.controller.js';
import { PersonalDataService } from './personal-data.service.js';

/** «Mine data» (#21): a read model of what Samråd holds about a person. */
@Module({ controllers: [PersonalDataController], providers: [PersonalDataService] })
export class PersonalDataModule {}
