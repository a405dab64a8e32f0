import { GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { awsCli, boto3, hasAwsCli, hasBoto3, useNimbus } from '../../helpers/nimbus.js';
import { ssmClient } from './helpers.js';

const nimbus = useNimbus();

describe.skipIf(!hasAwsCli)('SSM Parameter Store through the aws CLI', () => {
  it('puts, overwrites and reads parameters the SDK sees too', async () => {
    const put = await awsCli(nimbus.current, ['ssm', 'put-parameter', '--name', '/cli/db/url', '--value', 'postgres://a', '--type', 'String']);
    expect(put.status, put.stderr).toBe(0);
    expect(put.json).toEqual({ Version: 1, Tier: 'Standard' });
    const again = await awsCli(nimbus.current, ['ssm', 'put-parameter', '--name', '/cli/db/url', '--value', 'postgres://b', '--overwrite']);
    expect(again.json).toEqual({ Version: 2, Tier: 'Standard' });
    const got = await awsCli(nimbus.current, ['ssm', 'get-parameter', '--name', '/cli/db/url']);
    expect(got.status, got.stderr).toBe(0);
    expect(got.json).toMatchObject({ Parameter: { Name: '/cli/db/url', Value: 'postgres://b', Version: 2, Type: 'String', DataType: 'text', ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/cli/db/url' } });
    expect((await ssmClient(nimbus).send(new GetParameterCommand({ Name: '/cli/db/url:1' }))).Parameter?.Value).toBe('postgres://a');
  });

  it('reads SDK-written SecureStrings, decrypting on request, and lists a path across pages', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: '/cli/secret', Value: 'pa55', Type: 'SecureString' }));
    for (let i = 0; i < 12; i++) await ssm.send(new PutParameterCommand({ Name: `/cli/many/p${i}`, Value: `v${i}`, Type: 'String' }));
    const dec = await awsCli(nimbus.current, ['ssm', 'get-parameter', '--name', '/cli/secret', '--with-decryption']);
    expect((dec.json as { Parameter: { Value: string } }).Parameter.Value).toBe('pa55');
    const enc = await awsCli(nimbus.current, ['ssm', 'get-parameter', '--name', '/cli/secret']);
    expect((enc.json as { Parameter: { Value: string } }).Parameter.Value).not.toBe('pa55');
    const listed = await awsCli(nimbus.current, ['ssm', 'get-parameters-by-path', '--path', '/cli/many', '--page-size', '5']);
    expect(listed.status, listed.stderr).toBe(0);
    expect((listed.json as { Parameters: unknown[] }).Parameters).toHaveLength(12);
  });

  it('reports AWS errors the way the CLI prints them', async () => {
    const missing = await awsCli(nimbus.current, ['ssm', 'get-parameter', '--name', '/cli/missing']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('An error occurred (ParameterNotFound) when calling the GetParameter operation');
    const exists = await awsCli(nimbus.current, ['ssm', 'put-parameter', '--name', '/cli/db/url', '--value', 'x', '--type', 'String']);
    expect(exists.stderr).toContain(
      'An error occurred (ParameterAlreadyExists) when calling the PutParameter operation: The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
    );
  });
});

describe.skipIf(!hasBoto3)('SSM Parameter Store through boto3', () => {
  it('round-trips parameters, versions, labels and errors', async () => {
    const r = await boto3(
      nimbus.current,
      `
ssm = client('ssm')
res = {}
res['put1'] = ssm.put_parameter(Name='/boto/p', Value='one', Type='String')['Version']
res['put2'] = ssm.put_parameter(Name='/boto/p', Value='two', Overwrite=True)['Version']
ssm.label_parameter_version(Name='/boto/p', ParameterVersion=1, Labels=['old'])
res['byLabel'] = ssm.get_parameter(Name='/boto/p:old')['Parameter']['Value']
res['history'] = [(h['Version'], h['Value'], h['Labels']) for h in ssm.get_parameter_history(Name='/boto/p')['Parameters']]
ssm.put_parameter(Name='/boto/s', Value='hidden', Type='SecureString')
res['secret'] = ssm.get_parameters(Names=['/boto/s', '/boto/none'], WithDecryption=True)
res['secret'] = ([p['Value'] for p in res['secret']['Parameters']], res['secret']['InvalidParameters'])
pages = ssm.get_paginator('get_parameters_by_path').paginate(Path='/boto', PaginationConfig={'PageSize': 1})
res['paged'] = [p['Name'] for page in pages for p in page['Parameters']]
try:
    ssm.get_parameter(Name='/boto/p:9')
except ssm.exceptions.ParameterVersionNotFound as e:
    res['error'] = (e.response['Error']['Code'], e.response['Error']['Message'], e.response['ResponseMetadata']['HTTPStatusCode'])
try:
    ssm.put_parameter(Name='/boto/t', Value='v', Type='String', Overwrite=True, Tags=[{'Key': 'a', 'Value': 'b'}])
except ssm.exceptions.ClientError as e:
    res['tagsError'] = e.response['Error']['Code']
out(res)
`,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual({
      put1: 1,
      put2: 2,
      byLabel: 'one',
      history: [
        [1, 'one', ['old']],
        [2, 'two', []],
      ],
      secret: [['hidden'], ['/boto/none']],
      paged: ['/boto/p', '/boto/s'],
      error: ['ParameterVersionNotFound', 'Systems Manager could not find version 9 of /boto/p. Verify the version and try again.', 400],
      tagsError: 'ValidationException',
    });
  });
});
