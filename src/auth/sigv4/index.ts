/** SigV4 / SigV4a verification, presigned URLs, aws-chunked bodies. See README.md. */
export { checkSigV4Request } from './precheck.js';
export { verifySigV4, verifySigV4Signature, describeSigV4, stringToSign, type SigV4Check } from './verify.js';
export {
  payloadHashFor,
  streamingMode,
  checkContentSha256,
  isContentSha256Value,
  isHexSha256,
  UNSIGNED_PAYLOAD,
  STREAMING_PAYLOAD,
  STREAMING_PAYLOAD_TRAILER,
  STREAMING_UNSIGNED_PAYLOAD_TRAILER,
  type StreamingMode,
} from './payload-hash.js';
export { AwsChunkedDecoder, type AwsChunkedOptions } from './aws-chunked.js';
export { ContentSha256Verifier } from './content-sha256.js';
export { signedBodyDecoder, unverifiedBodyDecoder, decodeS3Body, type DecodableRequest } from './body-decoder.js';
export { readSessionToken } from './session-token.js';
export { deriveSigV4aKeyPair, regionSetIncludes, type SigV4aKeyPair } from './sigv4a.js';
export { chunkStringToSign, trailerStringToSign, signChunk } from './chunk-signature.js';
export { signingKey } from './signing-key.js';
export { HMAC_ALGORITHM, ECDSA_ALGORITHM, type SigV4Request, type SigV4Options, type SigV4Prepared, type SigV4Verified } from './types.js';
