/**
 * Named, per-service departures from the generic protocol behaviour, each with what AWS does.
 * The protocol layer asks `serviceQuirks(model)`; services never reach into protocols.
 */
import type { ServiceModel } from '../model/shapes.js';

export interface ServiceQuirks {
  /** S3 answers errors as a bare `<Error>` with `RequestId` and `HostId` inside, not `<ErrorResponse>`. */
  unwrappedXmlErrors?: boolean;
}

const QUIRKS: Record<string, ServiceQuirks> = {
  S3: { unwrappedXmlErrors: true },
};

const NONE: ServiceQuirks = {};

export function serviceQuirks(model: ServiceModel): ServiceQuirks {
  return QUIRKS[model.metadata.serviceId ?? ''] ?? NONE;
}
