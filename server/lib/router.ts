import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorBody } from '../../shared/schemas/common';
import type { AppEnv } from './context';
import { AppError } from './errors';

/** Zod issues → `{ fields: { "a.b": ["message"] } }`: the contract's "details names the fields". */
export function fieldErrors(error: z.ZodError): { fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return { fields };
}

/** Every module's router: validation failures become the contract's 400, never the library's own body. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(
          'validation_failed',
          'Some fields are missing or invalid',
          fieldErrors(result.error as z.ZodError),
        );
      }
    },
  });
}

export const json = <T extends z.ZodTypeAny>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const noContent = { description: 'Done' } as const;

/** Error answers every route may give; listed once so openapi.json documents the shape. */
export const commonErrors = {
  400: json(errorBody, 'Bad input: `details.fields` names the fields'),
  401: json(errorBody, 'Not signed in'),
  403: json(errorBody, 'Not allowed'),
  404: json(errorBody, 'Not found, or not visible to you'),
} satisfies RouteConfig['responses'];
