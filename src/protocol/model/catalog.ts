/**
 * What the gateway knows about every vendored service without loading its model: enough to tell
 * which service a request is for. Generated from the models by tools/codegen.ts.
 */
import { CATALOG } from './catalog.generated.js';

export interface CatalogEntry {
  /** Vendored model folder, e.g. `dynamodbstreams`. */
  id: string;
  serviceId: string;
  /** SigV4 signing name (credential scope service), e.g. `dynamodb` for DynamoDB Streams too. */
  signingName: string;
  endpointPrefix: string;
  targetPrefix?: string;
  protocols: string[];
  apiVersion?: string;
  operationCount: number;
  /** First literal path segment of the REST operations' URIs (`2015-03-31` for Lambda). */
  restPathPrefixes: string[];
}

export { CATALOG };

export const catalogById = new Map(CATALOG.map((e) => [e.id, e]));
