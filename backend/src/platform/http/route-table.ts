import { RequestMethod } from '@nestjs/common';
import { HEADERS_METADATA, HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { z } from 'zod';
import { RETURNS_FILE_KEY, RETURNS_KEY } from './returns.js';
import { ZodPipe } from './zod.pipe.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../auth/access.js';

export interface RouteEntry {
  method: string;
  path: string;
  rules: AccessRule[] | undefined;
  /** The shared contract the request body is validated with, when there is one. */
  body?: z.ZodType;
  /** The contract of the successful response, when declared with @Returns. */
  returns?: z.ZodType;
  /** The status of a successful answer (Nest's default: 201 for POST, else 200, unless @HttpCode). */
  status: number;
  /** The media type of an answer that is not JSON (@ReturnsFile, or a fixed content-type header). */
  file?: string;
  summary?: string;
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .map((p) => p.replace(/^\/|\/$/g, ''))
    .filter(Boolean)
    .join('/');

/**
 * Every HTTP route with its access rule, read from the controllers' metadata. The permission
 * matrix test walks this table, so a new endpoint without a rule fails the suite.
 */
export function routeTable(app: { get<T>(token: abstract new (...args: never[]) => T, options?: { strict: boolean }): T }): RouteEntry[] {
  const discovery = app.get(DiscoveryService, { strict: false });
  const scanner = app.get(MetadataScanner, { strict: false });
  const reflector = app.get(Reflector, { strict: false });
  const routes: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | undefined) ?? '';
    const proto = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name]!;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const rules = reflector.getAllAndOverride<AccessRule[] | undefined>(ACCESS_KEY, [handler, wrapper.metatype]);
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, wrapper.metatype, name) ?? {}) as Record<string, { pipes?: unknown[] }>;
      const body = Object.values(args)
        .flatMap((a) => a.pipes ?? [])
        .find((p): p is ZodPipe<z.ZodType> => p instanceof ZodPipe)?.schema;
      const returns = reflector.get<z.ZodType | undefined>(RETURNS_KEY, handler);
      const status =
        (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200);
      const headers = (Reflect.getMetadata(HEADERS_METADATA, handler) ?? []) as { name: string; value: string }[];
      const file =
        reflector.get<string | undefined>(RETURNS_FILE_KEY, handler) ??
        headers.find((h) => h.name.toLowerCase() === 'content-type')?.value.split(';')[0];
      routes.push({
        method: RequestMethod[method]!,
        path: join(base, path),
        rules,
        body,
        returns,
        status,
        file,
        summary: `${wrapper.metatype.name}.${name}`,
      });
    }
  }
  return routes.sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method));
}
