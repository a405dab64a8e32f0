/** AWS Security Token Service (query protocol). The identity issue adds sessions and AssumeRole. */
import { defineService } from '../service.js';
import type { Operations } from './generated/operations.js';
import { getCallerIdentity } from './operations/get-caller-identity.js';

export const sts = defineService<Operations>({
  model: 'sts',
  handlers: {
    GetCallerIdentity: getCallerIdentity,
  },
});
