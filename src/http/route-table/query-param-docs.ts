import { z } from 'zod';

/**
 * The JSON Schema a query parameter stands for, when it differs from the string it arrives as:
 * `?limit=20` is parsed from a string but documented as an integer, so clients type it as one.
 */
export const queryParamDocs = z.registry<Record<string, unknown>>();
