/**
 * DynamoDB's resource ARNs. Pure.
 *   table   arn:aws:dynamodb:<region>:<account>:table/<name>
 *   index   …:table/<name>/index/<index>
 *   stream  …:table/<name>/stream/<label>
 *   backup  …:table/<name>/backup/<id>
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html#amazondynamodb-resources-for-iam-policies
 */

export function tableArn(partition: string, region: string, accountId: string, tableName: string): string {
  return `arn:${partition}:dynamodb:${region}:${accountId}:table/${tableName}`;
}

export function indexArn(tableArnValue: string, indexName: string): string {
  return `${tableArnValue}/index/${indexName}`;
}

export function streamArn(tableArnValue: string, label: string): string {
  return `${tableArnValue}/stream/${label}`;
}

/**
 * A backup's ARN: the table's ARN, `/backup/`, the creation time in epoch milliseconds padded to
 * 14 digits, `-` and 8 lowercase hex digits, as AWS's examples show
 * (`…:table/MusicCollection/backup/01576616366715-b4e58d3a`).
 * https://docs.aws.amazon.com/cli/latest/reference/dynamodb/create-backup.html
 */
export function backupArn(tableArnValue: string, createdAtMs: number, suffix: string): string {
  return `${tableArnValue}/backup/${String(createdAtMs).padStart(14, '0')}-${suffix}`;
}

/** The creation time (epoch ms) a backup ARN carries, or undefined when it is not a backup ARN. */
export function backupArnTime(arn: string): number | undefined {
  const m = /\/backup\/(\d{14})-[0-9a-f]{8}$/.exec(arn);
  return m ? Number(m[1]) : undefined;
}

export interface ParsedDynamoArn {
  partition: string;
  region: string;
  accountId: string;
  tableName: string;
  /** What follows the table name: `index`, `stream`, `backup`, `export`, `import`, or nothing. */
  subresource?: { kind: string; id: string };
}

/** Parses a table (or table sub-resource) ARN; undefined when it is not one. */
export function parseDynamoArn(arn: string): ParsedDynamoArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== 'dynamodb') return undefined;
  const resource = parts.slice(5).join(':');
  if (!resource.startsWith('table/')) return undefined;
  const path = resource.slice('table/'.length).split('/');
  const tableName = path[0];
  if (!tableName) return undefined;
  const parsed: ParsedDynamoArn = { partition: parts[1]!, region: parts[3]!, accountId: parts[4]!, tableName };
  if (path.length >= 3) parsed.subresource = { kind: path[1]!, id: path.slice(2).join('/') };
  else if (path.length === 2) return undefined;
  return parsed;
}

/** The ARN partition of a region. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
