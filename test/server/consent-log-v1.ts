// The schema as the first release of the consent log left it (migration version 1, verbatim), so
// the suite can check that a database made by that release upgrades in place.
export const V1_MIGRATE = `do $migrate$
declare version integer;
begin
  perform pg_advisory_xact_lock(7310593858);
  create table if not exists consent_log_migrations (version integer primary key, applied_at timestamptz not null default now());
  select coalesce(max(m.version), 0) into version from consent_log_migrations m;
  if version < 1 then
   create table consent_policies (
     fingerprint text primary key,
     content text not null,
     stored_at timestamptz not null default now()
   );
   create table consent_policy_revisions (
     revision text not null,
     fingerprint text not null references consent_policies,
     first_seen timestamptz not null default now(),
     primary key (revision, fingerprint)
   );
   create table consent_records (
     record_id text primary key,
     subject_id text,
     decided_at timestamptz not null,
     received_at timestamptz not null default now(),
     method text not null check (method in ('accept-all', 'reject-all', 'custom', 'signal')),
     choices jsonb not null,
     gpc boolean not null,
     dnt boolean not null,
     jurisdiction text,
     regime text,
     revision text not null,
     policy_fingerprint text not null references consent_policies
   );
   create index consent_records_by_subject on consent_records (subject_id, decided_at);
   create index consent_records_by_time on consent_records (decided_at, record_id);
   create table consent_subject_users (
     user_id text not null,
     subject_id text not null,
     linked_at timestamptz not null default now(),
     primary key (user_id, subject_id)
   );
   create index consent_subject_users_by_subject on consent_subject_users (subject_id);
    insert into consent_log_migrations (version) values (1);
  end if;
end
$migrate$`;
