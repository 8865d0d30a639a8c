import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { AuthService, PasswordLoginProvider } from './auth.service.js';

@Module({ controllers: [AuthController], providers: [AuthService, PasswordLoginProvider], exports: [AuthService] })
export class AuthModule {}
