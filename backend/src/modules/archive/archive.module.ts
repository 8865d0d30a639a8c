import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { ArchiveController } from './archive.controller.js';
import { ArchiveService } from './archive.service.js';

/** The NOARK 5 arkivuttrekk of a closed case (owns no table). */
@Module({ imports: [CasesModule, DocumentsModule], controllers: [ArchiveController], providers: [ArchiveService] })
export class ArchiveModule {}
