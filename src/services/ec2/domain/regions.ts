/**
 * The regions of the aws partition and their Availability Zones, as EC2 describes them. Facts
 * about AWS: region names and long names from the public endpoint data; regions launched before
 * 20 March 2019 need no opt-in. Nimbus serves every region, so an opt-in region reports
 * `opted-in`. Zone counts follow AWS's for the larger regions (three elsewhere).
 */
export interface RegionInfo {
  name: string;
  longName: string;
  optInRequired: boolean;
  zones: number;
}

export const REGIONS: readonly RegionInfo[] = [
  { name: 'af-south-1', longName: "Africa (Cape Town)", optInRequired: true, zones: 3 },
  { name: 'ap-east-1', longName: "Asia Pacific (Hong Kong)", optInRequired: true, zones: 3 },
  { name: 'ap-east-2', longName: "Asia Pacific (Taipei)", optInRequired: true, zones: 3 },
  { name: 'ap-northeast-1', longName: "Asia Pacific (Tokyo)", optInRequired: false, zones: 3 },
  { name: 'ap-northeast-2', longName: "Asia Pacific (Seoul)", optInRequired: false, zones: 4 },
  { name: 'ap-northeast-3', longName: "Asia Pacific (Osaka)", optInRequired: false, zones: 3 },
  { name: 'ap-south-1', longName: "Asia Pacific (Mumbai)", optInRequired: false, zones: 3 },
  { name: 'ap-south-2', longName: "Asia Pacific (Hyderabad)", optInRequired: true, zones: 3 },
  { name: 'ap-southeast-1', longName: "Asia Pacific (Singapore)", optInRequired: false, zones: 3 },
  { name: 'ap-southeast-2', longName: "Asia Pacific (Sydney)", optInRequired: false, zones: 3 },
  { name: 'ap-southeast-3', longName: "Asia Pacific (Jakarta)", optInRequired: true, zones: 3 },
  { name: 'ap-southeast-4', longName: "Asia Pacific (Melbourne)", optInRequired: true, zones: 3 },
  { name: 'ap-southeast-5', longName: "Asia Pacific (Malaysia)", optInRequired: true, zones: 3 },
  { name: 'ap-southeast-6', longName: "Asia Pacific (New Zealand)", optInRequired: true, zones: 3 },
  { name: 'ap-southeast-7', longName: "Asia Pacific (Thailand)", optInRequired: true, zones: 3 },
  { name: 'ca-central-1', longName: "Canada (Central)", optInRequired: false, zones: 3 },
  { name: 'ca-west-1', longName: "Canada West (Calgary)", optInRequired: true, zones: 3 },
  { name: 'eu-central-1', longName: "Europe (Frankfurt)", optInRequired: false, zones: 3 },
  { name: 'eu-central-2', longName: "Europe (Zurich)", optInRequired: true, zones: 3 },
  { name: 'eu-north-1', longName: "Europe (Stockholm)", optInRequired: false, zones: 3 },
  { name: 'eu-south-1', longName: "Europe (Milan)", optInRequired: true, zones: 3 },
  { name: 'eu-south-2', longName: "Europe (Spain)", optInRequired: true, zones: 3 },
  { name: 'eu-west-1', longName: "Europe (Ireland)", optInRequired: false, zones: 3 },
  { name: 'eu-west-2', longName: "Europe (London)", optInRequired: false, zones: 3 },
  { name: 'eu-west-3', longName: "Europe (Paris)", optInRequired: false, zones: 3 },
  { name: 'il-central-1', longName: "Israel (Tel Aviv)", optInRequired: true, zones: 3 },
  { name: 'me-central-1', longName: "Middle East (UAE)", optInRequired: true, zones: 3 },
  { name: 'me-south-1', longName: "Middle East (Bahrain)", optInRequired: true, zones: 3 },
  { name: 'mx-central-1', longName: "Mexico (Central)", optInRequired: true, zones: 3 },
  { name: 'sa-east-1', longName: "South America (Sao Paulo)", optInRequired: false, zones: 3 },
  { name: 'us-east-1', longName: "US East (N. Virginia)", optInRequired: false, zones: 6 },
  { name: 'us-east-2', longName: "US East (Ohio)", optInRequired: false, zones: 3 },
  { name: 'us-west-1', longName: "US West (N. California)", optInRequired: false, zones: 2 },
  { name: 'us-west-2', longName: "US West (Oregon)", optInRequired: false, zones: 4 },
];

const DIRECTIONS: Record<string, string> = {
  east: 'e', west: 'w', north: 'n', south: 's', central: 'c',
  northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
};

/** The short form zone ids use: us-east-1 → use1, ap-northeast-2 → apne2. */
export function regionAbbreviation(region: string): string {
  const [area, direction, n] = region.split('-');
  return `${area}${DIRECTIONS[direction ?? ''] ?? direction ?? ''}${n ?? ''}`;
}

export function regionInfo(name: string): RegionInfo {
  return REGIONS.find((r) => r.name === name) ?? { name, longName: name, optInRequired: false, zones: 3 };
}
