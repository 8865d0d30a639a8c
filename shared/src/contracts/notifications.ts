import { z } from 'zod';

export const notificationListResponseSchema = z.object({
  notifications: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string(),
      read: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  unread: z.number().int(),
});
/** The settings as stored (the same shape as the request). */
export const notificationSettingsResponseSchema = z.object({
  emailNotifications: z.boolean(),
  digest: z.enum(['off', 'daily']),
});
