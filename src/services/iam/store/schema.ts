/**
 * IAM's tables. IAM is global: rows are keyed by account, never by region. Users, groups, roles,
 * managed policies and instance profiles are keyed by their unique id (AIDA…, AGPA…, AROA…,
 * ANPA…, AIPA…), so renaming a user or group (UpdateUser/UpdateGroup) touches one row; names are
 * unique per account case-insensitively (`name_key` is the lower-cased name).
 */
import type { Migration } from '../../../storage/index.js';

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'IAM: users, groups, roles, policies, keys, login profiles, MFA, instance profiles, OIDC providers, tags, aliases',
    sql: `
      CREATE TABLE iam_users (
        user_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
        path TEXT NOT NULL, create_date INTEGER NOT NULL, boundary_arn TEXT, password_last_used INTEGER,
        UNIQUE (account_id, name_key)
      );
      CREATE TABLE iam_groups (
        group_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
        path TEXT NOT NULL, create_date INTEGER NOT NULL,
        UNIQUE (account_id, name_key)
      );
      CREATE TABLE iam_group_members (
        group_id TEXT NOT NULL REFERENCES iam_groups ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES iam_users ON DELETE CASCADE,
        PRIMARY KEY (group_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX iam_group_members_by_user ON iam_group_members (user_id);
      CREATE TABLE iam_roles (
        role_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
        path TEXT NOT NULL, create_date INTEGER NOT NULL, trust_policy TEXT NOT NULL, description TEXT,
        max_session INTEGER NOT NULL, boundary_arn TEXT, last_used_date INTEGER, last_used_region TEXT,
        UNIQUE (account_id, name_key)
      );
      CREATE TABLE iam_inline_policies (
        owner_id TEXT NOT NULL, policy_name TEXT NOT NULL, document TEXT NOT NULL,
        PRIMARY KEY (owner_id, policy_name)
      ) WITHOUT ROWID;
      CREATE TABLE iam_managed_policies (
        policy_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
        path TEXT NOT NULL, arn TEXT NOT NULL UNIQUE, description TEXT, default_version INTEGER NOT NULL,
        next_version INTEGER NOT NULL, create_date INTEGER NOT NULL, update_date INTEGER NOT NULL,
        UNIQUE (account_id, name_key)
      );
      CREATE TABLE iam_policy_versions (
        policy_id TEXT NOT NULL REFERENCES iam_managed_policies ON DELETE CASCADE, version INTEGER NOT NULL,
        document TEXT NOT NULL, create_date INTEGER NOT NULL,
        PRIMARY KEY (policy_id, version)
      ) WITHOUT ROWID;
      CREATE TABLE iam_attachments (
        account_id TEXT NOT NULL, owner_id TEXT NOT NULL, policy_arn TEXT NOT NULL, seq INTEGER NOT NULL,
        PRIMARY KEY (owner_id, policy_arn)
      ) WITHOUT ROWID;
      CREATE INDEX iam_attachments_by_policy ON iam_attachments (account_id, policy_arn);
      CREATE TABLE iam_tags (
        resource_id TEXT NOT NULL, key_lower TEXT NOT NULL, tag_key TEXT NOT NULL, tag_value TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (resource_id, key_lower)
      ) WITHOUT ROWID;
      CREATE TABLE iam_access_keys (
        access_key_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, user_id TEXT NOT NULL REFERENCES iam_users,
        secret TEXT NOT NULL, status TEXT NOT NULL, create_date INTEGER NOT NULL,
        last_used_date INTEGER, last_used_service TEXT, last_used_region TEXT
      );
      CREATE INDEX iam_access_keys_by_user ON iam_access_keys (user_id);
      CREATE TABLE iam_login_profiles (
        user_id TEXT PRIMARY KEY REFERENCES iam_users, password_hash TEXT NOT NULL,
        create_date INTEGER NOT NULL, reset_required INTEGER NOT NULL
      );
      CREATE TABLE iam_password_policies (account_id TEXT PRIMARY KEY, policy TEXT NOT NULL);
      CREATE TABLE iam_mfa_devices (
        serial_number TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, path TEXT NOT NULL,
        seed BLOB NOT NULL, user_id TEXT REFERENCES iam_users, enable_date INTEGER, create_date INTEGER NOT NULL
      );
      CREATE INDEX iam_mfa_devices_by_user ON iam_mfa_devices (user_id);
      CREATE TABLE iam_instance_profiles (
        profile_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
        path TEXT NOT NULL, create_date INTEGER NOT NULL,
        UNIQUE (account_id, name_key)
      );
      CREATE TABLE iam_instance_profile_roles (
        profile_id TEXT NOT NULL REFERENCES iam_instance_profiles ON DELETE CASCADE,
        role_id TEXT NOT NULL REFERENCES iam_roles,
        PRIMARY KEY (profile_id, role_id)
      ) WITHOUT ROWID;
      CREATE INDEX iam_instance_profile_roles_by_role ON iam_instance_profile_roles (role_id);
      CREATE TABLE iam_oidc_providers (
        arn TEXT PRIMARY KEY, account_id TEXT NOT NULL, url TEXT NOT NULL, client_ids TEXT NOT NULL,
        thumbprints TEXT NOT NULL, create_date INTEGER NOT NULL
      );
      CREATE TABLE iam_account_aliases (account_id TEXT PRIMARY KEY, alias TEXT NOT NULL UNIQUE);
      CREATE TABLE iam_deletion_tasks (task_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, status TEXT NOT NULL);
    `,
  },
];
