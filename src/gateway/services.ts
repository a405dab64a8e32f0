/**
 * The services Nimbus serves: every vendored model (from the catalog), with its definition when
 * Nimbus implements it. Models load on first use; stores and migrations are set up at start.
 */
import { CATALOG, type CatalogEntry } from '../protocol/model/catalog.js';
import { loadModel } from '../protocol/model/load.js';
import type { ServiceModel } from '../protocol/model/shapes.js';
import type { ServiceDefinition, ServiceEnvironment, ValidationStyle } from '../services/service.js';

export interface ServiceRuntime {
  readonly entry: CatalogEntry;
  readonly definition?: ServiceDefinition;
  readonly store: unknown;
  readonly validation: ValidationStyle;
  model(): ServiceModel;
  /** Operations with a handler, in model order once the model is loaded. */
  implemented(): string[];
}

function defaultValidation(entry: CatalogEntry): ValidationStyle {
  const protocol = entry.protocols[0];
  if (protocol === 'ec2') return { kind: 'ec2' };
  if (protocol === 'rest-xml') return { kind: 'none' };
  if (protocol === 'query') return { kind: 'coral', code: 'ValidationError', enums: true };
  return { kind: 'coral', code: 'ValidationException', enums: true };
}

export class ServiceRegistry {
  readonly all: ServiceRuntime[] = [];
  private readonly byId = new Map<string, ServiceRuntime>();
  private readonly bySigning = new Map<string, ServiceRuntime[]>();
  private readonly byTarget = new Map<string, ServiceRuntime>();
  private readonly byVersion = new Map<string, ServiceRuntime>();
  private readonly byEndpoint = new Map<string, ServiceRuntime>();
  private readonly byPathPrefix = new Map<string, ServiceRuntime>();

  constructor(definitions: readonly ServiceDefinition[], env: ServiceEnvironment) {
    const defs = new Map(definitions.map((d) => [d.model, d]));
    for (const entry of CATALOG) {
      const definition = defs.get(entry.id);
      if (definition?.migrations) env.db.migrate(entry.id, definition.migrations);
      const store = definition?.createStore?.(env);
      let model: ServiceModel | undefined;
      const runtime: ServiceRuntime = {
        entry,
        definition,
        store,
        validation: definition?.validation ?? defaultValidation(entry),
        model: () => (model ??= loadModel(entry.id)),
        implemented: () => Object.keys(definition?.handlers ?? {}).filter((k) => definition!.handlers[k]).sort(),
      };
      this.all.push(runtime);
      this.byId.set(entry.id, runtime);
      const list = this.bySigning.get(entry.signingName) ?? [];
      list.push(runtime);
      this.bySigning.set(entry.signingName, list);
      if (entry.targetPrefix) this.byTarget.set(entry.targetPrefix, runtime);
      if (entry.apiVersion && entry.protocols.some((p) => p === 'query' || p === 'ec2')) this.byVersion.set(entry.apiVersion, runtime);
      this.byEndpoint.set(entry.endpointPrefix, runtime);
      if (entry.protocols[0]!.startsWith('rest-') && entry.id !== 's3') {
        for (const p of entry.restPathPrefixes) if (!this.byPathPrefix.has(p)) this.byPathPrefix.set(p, runtime);
      }
    }
    for (const d of definitions) {
      if (!this.byId.has(d.model)) throw new Error(`service ${d.model} has no vendored model`);
    }
  }

  get(id: string): ServiceRuntime | undefined {
    return this.byId.get(id);
  }

  signing(name: string): ServiceRuntime[] {
    return this.bySigning.get(name) ?? [];
  }

  target(prefix: string): ServiceRuntime | undefined {
    return this.byTarget.get(prefix);
  }

  queryVersion(version: string): ServiceRuntime | undefined {
    return this.byVersion.get(version);
  }

  endpoint(prefix: string): ServiceRuntime | undefined {
    return this.byEndpoint.get(prefix);
  }

  pathPrefix(segment: string): ServiceRuntime | undefined {
    return this.byPathPrefix.get(segment);
  }
}
