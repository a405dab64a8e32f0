/** AWS Systems Manager Parameter Store (json 1.1). */
import { defineService } from '../service.js';
import type { Operations } from './generated/operations.js';

export const ssm = defineService<Operations>({
  model: 'ssm',
  handlers: {},
});
