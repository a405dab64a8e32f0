/**
 * What PutBucketWebsite accepts: either RedirectAllRequestsTo alone, or an IndexDocument (its
 * Suffix non-empty and without `/`) with an optional ErrorDocument and up to 50 routing rules.
 * Messages are AWS's.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketWebsite.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-to-page-redirect.html#advanced-conditional-redirects
 */
import type { RoutingRule, WebsiteConfiguration } from '../generated/types.js';
import { S3Errors } from './errors.js';

export const MAX_ROUTING_RULES = 50;

const invalidProtocol = () =>
  S3Errors.invalidRequest('Invalid protocol, protocol can be http or https. If not defined the protocol will be selected automatically.');

function checkProtocol(protocol: string | undefined): void {
  if (protocol !== undefined && protocol !== 'http' && protocol !== 'https') throw invalidProtocol();
}

export function validateWebsiteConfiguration(config: WebsiteConfiguration | undefined): WebsiteConfiguration {
  if (!config) throw S3Errors.malformedXml();
  const redirectAll = config.RedirectAllRequestsTo;
  if (redirectAll) {
    if (config.IndexDocument || config.ErrorDocument || config.RoutingRules) {
      throw S3Errors.invalidRequest('RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.');
    }
    if (!redirectAll.HostName) throw S3Errors.malformedXml();
    checkProtocol(redirectAll.Protocol);
    return { RedirectAllRequestsTo: redirectAll };
  }
  const suffix = config.IndexDocument?.Suffix;
  if (suffix === undefined) {
    throw S3Errors.invalidArgument('A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty', 'IndexDocument', 'null');
  }
  if (suffix === '' || suffix.includes('/')) throw S3Errors.invalidArgument('The IndexDocument Suffix is not well formed', 'IndexDocument', suffix);
  if (config.ErrorDocument && !config.ErrorDocument.Key) throw S3Errors.malformedXml();
  const out: WebsiteConfiguration = { IndexDocument: { Suffix: suffix } };
  if (config.ErrorDocument) out.ErrorDocument = { Key: config.ErrorDocument.Key };
  if (config.RoutingRules !== undefined) {
    if (config.RoutingRules.length === 0 || config.RoutingRules.length > MAX_ROUTING_RULES) throw S3Errors.malformedXml();
    out.RoutingRules = config.RoutingRules.map(validateRoutingRule);
  }
  return out;
}

function validateRoutingRule(rule: RoutingRule): RoutingRule {
  const redirect = rule.Redirect;
  if (!redirect) throw S3Errors.malformedXml();
  const condition = rule.Condition;
  if (condition !== undefined) {
    if (condition.KeyPrefixEquals === undefined && condition.HttpErrorCodeReturnedEquals === undefined) {
      throw S3Errors.invalidRequest("Condition cannot be empty. To redirect all requests without a condition, the condition element shouldn't be present.");
    }
    const code = condition.HttpErrorCodeReturnedEquals;
    if (code !== undefined && !/^[45]\d\d$/.test(code)) {
      throw S3Errors.invalidRequest(`The provided HTTP error code (${code}) is not valid. Valid codes are 4XX or 5XX.`);
    }
  }
  if (redirect.ReplaceKeyPrefixWith !== undefined && redirect.ReplaceKeyWith !== undefined) {
    throw S3Errors.invalidRequest('You can only define ReplaceKeyPrefix or ReplaceKey but not both.');
  }
  checkProtocol(redirect.Protocol);
  const code = redirect.HttpRedirectCode;
  if (code !== undefined && (!/^3\d\d$/.test(code) || code === '300')) {
    throw S3Errors.invalidRequest(`The provided HTTP redirect code (${code}) is not valid. Valid codes are 3XX except 300.`);
  }
  return condition === undefined ? { Redirect: redirect } : { Condition: condition, Redirect: redirect };
}
