import { z } from 'zod';

export const progressOut = z.object({
  jobId: z.string(),
  phase: z
    .enum(['reading', 'check', 'write', 'done', 'failed'])
    .describe('reading the file, checking rows, writing them (one transaction), done or failed'),
  done: z.number().describe('rows checked (check) or written (write) so far'),
  total: z.number(),
});
