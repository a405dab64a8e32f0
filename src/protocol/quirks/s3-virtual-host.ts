/**
 * S3 virtual-hosted-style addressing: `GET /photos/cat.jpg` with `Host: my-bucket.s3.localhost`
 * means `GET /my-bucket/photos/cat.jpg` in the path-style form the S3 model's URIs are written in.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
 */
export function virtualHostedPath(bucket: string, path: string): string {
  return `/${encodeURIComponent(bucket)}${path === '/' ? '' : path}`;
}
