/**
 * Who may upload with a form: signatures over the POST policy (SigV4 and SigV2) checked for IAM
 * and STS keys and under --strict-auth, not for the conventional keys (as with header signatures);
 * s3:PutObject (and s3:PutObjectAcl for an `acl` field) as for a PUT; anonymous forms allowed only
 * by a bucket policy open to everyone; boto3's generate_presigned_post as a real client.
 */
import { createHmac } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { boto3, hasBoto3, useNimbus } from '../../../helpers/nimbus.js';
import { policy, stsAs, userWithPolicies, type Keys } from '../../../identity/helpers.js';
import { createBucket, openTo, postForm, s3Client, s3ErrorOf, signedPostFields } from './helpers.js';

const nimbus = useNimbus();

function fieldsFor(bucket: string, keys: Keys, extra: { fields?: Record<string, string>; conditions?: unknown[]; region?: string } = {}): [string, string][] {
  return signedPostFields({
    bucket,
    accessKeyId: keys.accessKeyId,
    secretAccessKey: keys.secretAccessKey,
    sessionToken: keys.sessionToken,
    region: extra.region,
    conditions: [['starts-with', '$key', ''], ...(extra.conditions ?? [])],
    fields: { key: 'k.txt', ...extra.fields },
  });
}

async function uploader(name: string, bucket: string, actions: string[]): Promise<Keys> {
  return userWithPolicies(nimbus, name, { uploads: policy({ Effect: 'Allow', Action: actions, Resource: `arn:aws:s3:::${bucket}/*` }) });
}

describe('SigV4 forms signed with IAM keys', () => {
  it('uploads when the signature verifies and the user may s3:PutObject', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const alice = await uploader('form-alice', bucket, ['s3:PutObject']);
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, fieldsFor(bucket, alice), { content: 'by alice' });
    expect(r.status).toBe(204);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k.txt' }));
    expect(await got.Body!.transformToString()).toBe('by alice');
  });

  it('answers SignatureDoesNotMatch naming the policy as the string to sign', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const bob = await uploader('form-bob', bucket, ['s3:PutObject']);
    const fields = fieldsFor(bucket, { ...bob, secretAccessKey: 'not-the-secret' });
    const sent = Object.fromEntries(fields);
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, fields, { content: 'x' });
    expect(r.status).toBe(403);
    const e = s3ErrorOf(r.text);
    expect(e).toMatchObject({
      Code: 'SignatureDoesNotMatch',
      Message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      AWSAccessKeyId: bob.accessKeyId,
      StringToSign: sent.policy,
      SignatureProvided: sent['x-amz-signature'],
    });
    expect(Buffer.from(e.StringToSignBytes!.replace(/ /g, ''), 'hex').toString()).toBe(sent.policy);
  });

  it('needs s3:PutObject, and s3:PutObjectAcl for an acl field, with S3’s AccessDenied', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const reader = await uploader('form-reader', bucket, ['s3:GetObject']);
    const denied = await postForm(`${nimbus.current.endpoint}/${bucket}`, fieldsFor(bucket, reader), { content: 'x' });
    expect(denied.status).toBe(403);
    expect(s3ErrorOf(denied.text)).toMatchObject({
      Code: 'AccessDenied',
      Message: `User: arn:aws:iam::000000000000:user/form-reader is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::${bucket}/k.txt" because no identity-based policy allows the s3:PutObject action`,
    });
    const writer = await uploader('form-writer', bucket, ['s3:PutObject']);
    const withAcl = await postForm(`${nimbus.current.endpoint}/${bucket}`, fieldsFor(bucket, writer, { fields: { acl: 'public-read' }, conditions: [{ acl: 'public-read' }] }), { content: 'x' });
    expect(withAcl.status).toBe(403);
    expect(s3ErrorOf(withAcl.text).Message).toContain('s3:PutObjectAcl');
  });

  it('refuses a scope in another region than the bucket’s', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const carol = await uploader('form-carol', bucket, ['s3:PutObject']);
    const wrongRegion = await postForm(`${nimbus.current.endpoint}/${bucket}`, fieldsFor(bucket, carol, { region: 'eu-west-1' }), { content: 'x' });
    expect(wrongRegion.status).toBe(400);
    expect(s3ErrorOf(wrongRegion.text)).toMatchObject({ Code: 'InvalidArgument', Message: "the region 'eu-west-1' is wrong; expecting 'us-east-1'", ArgumentName: 'X-Amz-Credential', Region: 'us-east-1' });
  });

  it('takes session credentials with their x-amz-security-token, and refuses them without it', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const dave = await uploader('form-dave', bucket, ['s3:PutObject']);
    const { Credentials } = await stsAs(nimbus, dave).send(new GetSessionTokenCommand({}));
    const session: Keys = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
    const ok = await postForm(`${nimbus.current.endpoint}/${bucket}`, fieldsFor(bucket, session), { content: 'session' });
    expect(ok.status).toBe(204);
    const noToken = await postForm(`${nimbus.current.endpoint}/${bucket}`, fieldsFor(bucket, { ...session, sessionToken: undefined }), { content: 'x' });
    expect(noToken.status).toBe(400);
    expect(s3ErrorOf(noToken.text).Code).toBe('InvalidToken');
  });
});

describe('other signers', () => {
  it('does not check the signature of a conventional key, as with header signatures', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, fieldsFor(bucket, { accessKeyId: 'test', secretAccessKey: 'anything at all' }), { content: 'x' });
    expect(r.status).toBe(204);
  });

  it('verifies SigV2 forms (AWSAccessKeyId, signature = base64 HMAC-SHA1 of the policy)', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const erin = await uploader('form-erin', bucket, ['s3:PutObject']);
    const doc = Buffer.from(JSON.stringify({ expiration: new Date(Date.now() + 600_000).toISOString(), conditions: [{ bucket }, ['starts-with', '$key', 'v2/']] })).toString('base64');
    const sign = (secret: string) => createHmac('sha1', secret).update(doc).digest('base64');
    const fields = (secret: string): [string, string][] => [['key', 'v2/obj'], ['AWSAccessKeyId', erin.accessKeyId], ['Policy', doc], ['Signature', sign(secret)]];
    expect((await postForm(`${nimbus.current.endpoint}/${bucket}`, fields(erin.secretAccessKey), { content: 'v2' })).status).toBe(204);
    const bad = await postForm(`${nimbus.current.endpoint}/${bucket}`, fields('wrong'), { content: 'v2' });
    expect(s3ErrorOf(bad.text)).toMatchObject({ Code: 'SignatureDoesNotMatch', StringToSign: doc });
  });

  it('takes a form without signing fields as anonymous: refused unless a bucket policy lets everyone put', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const anonymous: [string, string][] = [['key', 'public/${filename}']];
    const refused = await postForm(`${nimbus.current.endpoint}/${bucket}`, anonymous, { content: 'x', filename: 'a.txt' });
    expect(refused.status).toBe(403);
    expect(s3ErrorOf(refused.text)).toMatchObject({ Code: 'AccessDenied', Message: 'Access Denied' });
    await openTo(s3, bucket, ['s3:PutObject']);
    const allowed = await postForm(`${nimbus.current.endpoint}/${bucket}`, anonymous, { content: 'anyone', filename: 'a.txt' });
    expect(allowed.status).toBe(204);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/a.txt' }));
    expect(await got.Body!.transformToString()).toBe('anyone');
  });

  it.skipIf(!hasBoto3)('accepts boto3’s generate_presigned_post (signed with an IAM key)', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const frank = await uploader('form-frank', bucket, ['s3:PutObject']);
    const r = await boto3(
      nimbus.current,
      `c = session.client('s3', endpoint_url=${JSON.stringify(nimbus.current.endpoint)}, aws_access_key_id=${JSON.stringify(frank.accessKeyId)}, aws_secret_access_key=${JSON.stringify(frank.secretAccessKey)}, config=botocore.config.Config(s3={'addressing_style': 'path'}))
out(c.generate_presigned_post(${JSON.stringify(bucket)}, 'boto/\${filename}', Fields={'success_action_status': '201'}, Conditions=[['starts-with', '$key', 'boto/'], {'success_action_status': '201'}, ['content-length-range', 1, 1000]], ExpiresIn=600))`,
    );
    expect(r.status, r.stderr).toBe(0);
    const post = r.json as { url: string; fields: Record<string, string> };
    const posted = await postForm(post.url, Object.entries(post.fields), { content: 'from boto3', filename: 'b.txt' });
    expect(posted.status).toBe(201);
    expect(posted.text).toContain('<Key>boto/b.txt</Key>');
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'boto/b.txt' }));
    expect(await got.Body!.transformToString()).toBe('from boto3');
  });
});

describe('under --strict-auth', () => {
  const strict = useNimbus({ strictAuth: true });

  it('verifies the root key pair and refuses other conventional keys', async () => {
    const s3 = s3Client(strict);
    const bucket = await createBucket(s3);
    const url = `${strict.current.endpoint}/${bucket}`;
    expect((await postForm(url, fieldsFor(bucket, { accessKeyId: 'test', secretAccessKey: 'test' }), { content: 'x' })).status).toBe(204);
    const wrong = await postForm(url, fieldsFor(bucket, { accessKeyId: 'test', secretAccessKey: 'wrong' }), { content: 'x' });
    expect(s3ErrorOf(wrong.text).Code).toBe('SignatureDoesNotMatch');
    // Unknown keys are conventional roots by default; --strict-auth refuses them.
    const other = await postForm(url, fieldsFor(bucket, { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' }), { content: 'x' });
    expect(other.status).toBe(403);
    expect(s3ErrorOf(other.text)).toMatchObject({ Code: 'InvalidAccessKeyId', Message: 'The AWS Access Key Id you provided does not exist in our records.', AWSAccessKeyId: 'AKIAUNKNOWNKEY000000' });
  });
});
