/**
 * The AWS API model as botocore's JSON spells it (`service-2.json`). Only what Nimbus reads is typed;
 * everything else passes through untouched.
 */
export interface RawModel {
  version?: string;
  metadata: RawMetadata;
  operations: Record<string, RawOperation>;
  shapes: Record<string, RawShape>;
}

export interface RawMetadata {
  apiVersion?: string;
  endpointPrefix?: string;
  protocol: string;
  protocols?: string[];
  jsonVersion?: string;
  targetPrefix?: string;
  signingName?: string;
  serviceId?: string;
  serviceFullName?: string;
  uid?: string;
  xmlNamespace?: string;
  awsQueryCompatible?: Record<string, unknown>;
  globalEndpoint?: string;
  [k: string]: unknown;
}

export interface RawShapeRef {
  shape: string;
  location?: 'header' | 'headers' | 'uri' | 'querystring' | 'statusCode';
  locationName?: string;
  /** Present on one S3 model ref as a typo of locationName; treated the same. */
  LocationName?: string;
  queryName?: string;
  xmlNamespace?: string | { prefix?: string; uri: string };
  xmlAttribute?: boolean;
  flattened?: boolean;
  jsonvalue?: boolean;
  idempotencyToken?: boolean;
  timestampFormat?: string;
  hostLabel?: boolean;
  eventpayload?: boolean;
  eventheader?: boolean;
  streaming?: boolean;
  deprecated?: boolean;
  box?: boolean;
  [k: string]: unknown;
}

export interface RawShape {
  type: string;
  members?: Record<string, RawShapeRef>;
  member?: RawShapeRef;
  key?: RawShapeRef;
  value?: RawShapeRef;
  required?: string[];
  payload?: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  timestampFormat?: string;
  streaming?: boolean;
  sensitive?: boolean;
  flattened?: boolean;
  locationName?: string;
  location?: RawShapeRef['location'];
  xmlNamespace?: RawShapeRef['xmlNamespace'];
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  document?: boolean;
  union?: boolean;
  event?: boolean;
  eventstream?: boolean;
  resultWrapper?: string;
  [k: string]: unknown;
}

export interface RawOperation {
  name: string;
  http?: { method?: string; requestUri?: string; responseCode?: number };
  input?: RawShapeRef & { resultWrapper?: string };
  output?: RawShapeRef & { resultWrapper?: string };
  errors?: RawShapeRef[];
  endpoint?: { hostPrefix?: string };
  httpChecksumRequired?: boolean;
  httpChecksum?: {
    requestChecksumRequired?: boolean;
    requestAlgorithmMember?: string;
    requestValidationModeMember?: string;
    responseAlgorithms?: string[];
  };
  requestcompression?: { encodings?: string[] };
  authtype?: string;
  unsignedPayload?: boolean;
  [k: string]: unknown;
}
