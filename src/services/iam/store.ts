/**
 * IAM's storage: the tables (each SQL statement lives in store/*.ts) and the identity directory
 * built on them. Writes go through `transaction(fn)`: one durable, atomic Database.write, which also
 * tells the directory that identities, keys or policies may have changed.
 */
import type { Database } from '../../storage/index.js';
import type { ServiceEnvironment } from '../service.js';
import { IamDirectory } from './directory.js';
import { AccessKeyTable, LoginProfileTable, MfaTable, PasswordPolicyTable } from './store/credentials.js';
import { AttachmentTable, InlinePolicyTable, ManagedPolicyTable } from './store/policies.js';
import { GroupTable, RoleTable, UserTable } from './store/principals.js';
import { AccountTable, InstanceProfileTable, OidcTable, TagTable } from './store/resources.js';

export { migrations } from './store/schema.js';

export interface IamTables {
  readonly users: UserTable;
  readonly groups: GroupTable;
  readonly roles: RoleTable;
  readonly policies: ManagedPolicyTable;
  readonly inline: InlinePolicyTable;
  readonly attachments: AttachmentTable;
  readonly keys: AccessKeyTable;
  readonly loginProfiles: LoginProfileTable;
  readonly passwordPolicies: PasswordPolicyTable;
  readonly mfa: MfaTable;
  readonly instanceProfiles: InstanceProfileTable;
  readonly oidc: OidcTable;
  readonly tags: TagTable;
  readonly account: AccountTable;
}

export class IamStore implements IamTables {
  readonly users: UserTable;
  readonly groups: GroupTable;
  readonly roles: RoleTable;
  readonly policies: ManagedPolicyTable;
  readonly inline: InlinePolicyTable;
  readonly attachments: AttachmentTable;
  readonly keys: AccessKeyTable;
  readonly loginProfiles: LoginProfileTable;
  readonly passwordPolicies: PasswordPolicyTable;
  readonly mfa: MfaTable;
  readonly instanceProfiles: InstanceProfileTable;
  readonly oidc: OidcTable;
  readonly tags: TagTable;
  readonly account: AccountTable;
  readonly directory: IamDirectory;

  constructor(
    private readonly db: Database,
    env: Pick<ServiceEnvironment, 'log'>,
  ) {
    this.users = new UserTable(db);
    this.groups = new GroupTable(db);
    this.roles = new RoleTable(db);
    this.policies = new ManagedPolicyTable(db);
    this.inline = new InlinePolicyTable(db);
    this.attachments = new AttachmentTable(db);
    this.keys = new AccessKeyTable(db);
    this.loginProfiles = new LoginProfileTable(db);
    this.passwordPolicies = new PasswordPolicyTable(db);
    this.mfa = new MfaTable(db);
    this.instanceProfiles = new InstanceProfileTable(db);
    this.oidc = new OidcTable(db);
    this.tags = new TagTable(db);
    this.account = new AccountTable(db);
    this.directory = new IamDirectory(db, this, env.log);
  }

  /** Runs `fn` atomically and durably; the directory drops its cached answers. */
  transaction<T>(fn: () => T): Promise<T> {
    return this.db.write(() => {
      this.directory.changed();
      return fn();
    });
  }
}

export function createStore(env: ServiceEnvironment): IamStore {
  return new IamStore(env.db, env);
}
