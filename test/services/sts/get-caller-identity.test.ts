import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { awsCli, boto3, hasAwsCli, hasBoto3, useNimbus } from '../../helpers/nimbus.js';

const nimbus = useNimbus();

describe('STS GetCallerIdentity', () => {
  it('resolves the conventional test key to the default account root', async () => {
    const sts = new STSClient(nimbus.clientConfig());
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({ Account: '000000000000', UserId: '000000000000', Arn: 'arn:aws:iam::000000000000:root' });
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('treats a 12-digit access key as the root of that account', async () => {
    const sts = new STSClient(nimbus.clientConfig({ credentials: { accessKeyId: '111122223333', secretAccessKey: 'anything' } }));
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:root' });
  });

  it.skipIf(!hasAwsCli)('answers the aws CLI', async () => {
    const r = await awsCli(nimbus.current, ['sts', 'get-caller-identity']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual({ UserId: '000000000000', Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root' });
  });

  it.skipIf(!hasBoto3)('answers boto3', async () => {
    const r = await boto3(nimbus.current, `out(client('sts').get_caller_identity()['Arn'])`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toBe('arn:aws:iam::000000000000:root');
  });
});
