/**
 * Refreshes the vendored AWS API models under models/ from an installed botocore.
 *
 * Why botocore and not the aws-sdk v2 npm package: the v2 package ships only `*.min.json`, which
 * renames shapes (`S4`, `Smf`) and strips enums, lengths, ranges and patterns — everything input
 * validation and readable generated types need. botocore ships the same official models
 * (Apache-2.0) complete, in the format this code reads. Files are copied unedited; fixes live in
 * models/patches/ with their reasons.
 *
 * Usage: npx tsx tools/refresh-models.ts [--from <botocore data dir>]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = join(root, 'models');

function botocoreDir(): { data: string; version: string; distInfo?: string } {
  const i = process.argv.indexOf('--from');
  if (i > 0) return { data: process.argv[i + 1]!, version: 'unknown' };
  const out = execFileSync('python3', ['-c',
    'import botocore, os; print(os.path.dirname(botocore.__file__)); print(botocore.__version__)'], { encoding: 'utf8' });
  const [pkg, version] = out.trim().split('\n');
  const distInfo = join(dirname(pkg!), `botocore-${version}.dist-info`);
  return { data: join(pkg!, 'data'), version: version!, distInfo: existsSync(distInfo) ? distInfo : undefined };
}

const { data, version, distInfo } = botocoreDir();
const { services } = JSON.parse(readFileSync(join(modelsDir, 'services.json'), 'utf8')) as { services: string[] };
const lines: string[] = [];
for (const service of services) {
  const versions = readdirSync(join(data, service)).filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)).sort();
  const apiVersion = versions.at(-1);
  if (!apiVersion) throw new Error(`no model versions for ${service} under ${data}`);
  const target = join(modelsDir, service);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, apiVersion), { recursive: true });
  const src = join(data, service, apiVersion, 'service-2.json.gz');
  const dst = join(target, apiVersion, 'service-2.json.gz');
  copyFileSync(src, dst);
  const sha = createHash('sha256').update(readFileSync(dst)).digest('hex');
  lines.push(`${sha}  ${service}/${apiVersion}/service-2.json.gz`);
}
writeFileSync(join(modelsDir, 'SHA256SUMS'), lines.join('\n') + '\n');
if (distInfo) {
  copyFileSync(join(distInfo, 'LICENSE.txt'), join(modelsDir, 'LICENSE'));
}
writeFileSync(join(modelsDir, 'SOURCE.md'), `# Vendored AWS API models

Official AWS API models (botocore JSON format), copied unedited from botocore ${version}
(\`botocore/data/<service>/<api-version>/service-2.json.gz\`) by \`npx tsx tools/refresh-models.ts\`.
Licensed under the Apache License 2.0 (see LICENSE); attribution in NOTICE.
\`SHA256SUMS\` lists each file's checksum. Corrections are never made in place: they live in
\`patches/\`, one JSON file per service, each with the reason for the change.
`);
console.log(`vendored ${services.length} models from botocore ${version}`);
