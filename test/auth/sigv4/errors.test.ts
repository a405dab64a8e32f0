/** The per-service authentication errors: codes, statuses, messages and fields as AWS answers them. */
import { describe, expect, it } from 'vitest';
import { authErrors, familyOf } from '../../../src/auth/errors.js';
import { MalformedCredentialError, readCredential } from '../../../src/auth/credentials.js';

describe('authErrors', () => {
  it('sorts services into families by protocol (S3 by id)', () => {
    expect(familyOf('s3', 'rest-xml')).toBe('s3');
    expect(familyOf('sts', 'query')).toBe('query');
    expect(familyOf('ec2', 'ec2')).toBe('ec2');
    expect(familyOf('dynamodb', 'json')).toBe('json');
    expect(familyOf('cloudwatch', 'smithy-rpc-v2-cbor')).toBe('json');
    expect(familyOf('lambda', 'rest-json')).toBe('rest-json');
  });

  it.each([
    ['s3', 'rest-xml', 'InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.'],
    ['sts', 'query', 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.'],
    ['iam', 'query', 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.'],
    ['dynamodb', 'json', 'UnrecognizedClientException', 400, 'The security token included in the request is invalid.'],
    ['kinesis', 'json', 'UnrecognizedClientException', 400, 'The security token included in the request is invalid.'],
    ['lambda', 'rest-json', 'UnrecognizedClientException', 403, 'The security token included in the request is invalid.'],
    ['ec2', 'ec2', 'AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
  ])('%s: an unknown access key → %s', (service, protocol, code, status, message) => {
    const e = authErrors(service, protocol).unknownAccessKey('AKIDUNKNOWN');
    expect(e).toMatchObject({ code, statusCode: status, message });
    if (service === 's3') expect(e.fields).toEqual({ AWSAccessKeyId: 'AKIDUNKNOWN' });
  });

  it.each([
    ['s3', 'rest-xml', 'ExpiredToken', 400, 'The provided token has expired.'],
    ['sts', 'query', 'ExpiredToken', 403, 'The security token included in the request is expired'],
    ['dynamodb', 'json', 'ExpiredTokenException', 400, 'The security token included in the request is expired'],
    ['lambda', 'rest-json', 'ExpiredTokenException', 403, 'The security token included in the request is expired'],
    ['ec2', 'ec2', 'RequestExpired', 400, 'Request has expired.'],
  ])('%s: an expired session token → %s', (service, protocol, code, status, message) => {
    expect(authErrors(service, protocol).expiredToken('tok')).toMatchObject({ code, statusCode: status, message });
  });

  it('S3 names the token it refused (Token-0)', () => {
    expect(authErrors('s3', 'rest-xml').invalidSessionToken('tok')).toMatchObject({
      code: 'InvalidToken',
      statusCode: 400,
      message: 'The provided token is malformed or otherwise invalid.',
      fields: { 'Token-0': 'tok' },
    });
    expect(authErrors('s3', 'rest-xml').expiredToken('tok').fields).toEqual({ 'Token-0': 'tok' });
  });

  it('awsQueryCompatible services (SQS, CloudWatch) answer query codes in JSON, with x-amzn-query-error', () => {
    const e = authErrors('sqs', 'json').unknownAccessKey('AKID');
    expect(e).toMatchObject({ code: 'InvalidClientTokenId', statusCode: 403, headers: { 'x-amzn-query-error': 'InvalidClientTokenId;Sender' } });
    expect(authErrors('cloudwatch', 'smithy-rpc-v2-cbor').signatureMismatch({ accessKeyId: 'A', stringToSign: 's', signatureProvided: 'x' }).code).toBe('SignatureDoesNotMatch');
    expect(authErrors('sqs', 'query').unknownAccessKey('AKID').headers).toBeUndefined();
  });

  it('skew windows follow what each service prints: 15 min for S3, STS, SQS; 5 for the rest', () => {
    expect(authErrors('s3', 'rest-xml').maxSkewMs).toBe(900_000);
    expect(authErrors('sts', 'query').maxSkewMs).toBe(900_000);
    expect(authErrors('sqs', 'json').maxSkewMs).toBe(900_000);
    expect(authErrors('dynamodb', 'json').maxSkewMs).toBe(300_000);
    expect(authErrors('lambda', 'rest-json').maxSkewMs).toBe(300_000);
    expect(authErrors('cloudformation', 'query').maxSkewMs).toBe(300_000);
  });

  it('is cached per service and protocol', () => {
    expect(authErrors('sts', 'query')).toBe(authErrors('sts', 'query'));
  });

  it('a malformed credential: readCredential throws a ServiceError the gateway can re-word per service', () => {
    let thrown: unknown;
    try {
      readCredential('AWS4-HMAC-SHA256 Credential=AKID/20240301/us-east-1/s3, SignedHeaders=host, Signature=abc', new Map());
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(MalformedCredentialError);
    const e = thrown as MalformedCredentialError;
    expect(e).toMatchObject({ code: 'IncompleteSignature', credential: 'AKID/20240301/us-east-1/s3', form: 'header' });
    expect(authErrors('s3', 'rest-xml').malformedCredential(e.credential, e.form)).toMatchObject({
      code: 'AuthorizationHeaderMalformed',
      message: 'The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    });
  });

  it('readCredential accepts SigV4a’s four-part scope (no region)', () => {
    const c = readCredential('AWS4-ECDSA-P256-SHA256 Credential=AKID/20240301/s3/aws4_request, SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=3045', new Map());
    expect(c).toMatchObject({ accessKeyId: 'AKID', date: '20240301', region: '', service: 's3' });
    expect(() => readCredential('AWS4-HMAC-SHA256 Credential=AKID/20240301/s3/aws4_request, SignedHeaders=host, Signature=ab', new Map())).toThrow(MalformedCredentialError);
  });
});
