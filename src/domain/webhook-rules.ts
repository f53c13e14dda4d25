import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './webhook-vocabulary.js';

/** Input rules for webhook endpoints, shared by both faces (each names fields its own way). */
export const webhookUrlRule = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL without credentials');

export const webhookEventsRule = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, 'must name at least one event type')
  .refine((events) => new Set(events).size === events.length, 'must not repeat an event type');

export const webhookDescriptionRule = z.string().max(500);

export const CreateWebhookRule = z.strictObject({
  url: webhookUrlRule,
  events: webhookEventsRule,
  description: webhookDescriptionRule.nullish(),
});

export const UpdateWebhookRule = z.strictObject({
  url: webhookUrlRule.optional(),
  events: webhookEventsRule.optional(),
  enabled: z.boolean().optional(),
  description: webhookDescriptionRule.nullish(),
});
