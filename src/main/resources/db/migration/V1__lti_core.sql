-- Tool signing keys. The private key never leaves the database and is never logged.
create table tool_key (
    kid           varchar(64)  primary key,
    private_key   bytea        not null,
    public_jwk    varchar(4000) not null,
    created_at    timestamp with time zone not null,
    retired_at    timestamp with time zone,
    published_until timestamp with time zone
);

-- A platform (LMS) registration: one issuer + client id. Moodle gives every tool type its own client id
-- on the same issuer, so the issuer alone is not unique.
create table platform (
    id             bigint primary key,
    issuer         varchar(512) not null,
    client_id      varchar(255) not null,
    auth_login_url varchar(1024) not null,
    auth_token_url varchar(1024),
    key_set_url    varchar(1024) not null,
    name           varchar(255),
    source         varchar(16)  not null,
    source_file    varchar(255),
    enabled        boolean      not null,
    version        bigint       not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint platform_issuer_client unique (issuer, client_id)
);
create sequence platform_seq start with 50 increment by 50;

create table deployment (
    id            bigint primary key,
    platform_id   bigint not null references platform (id),
    deployment_id varchar(255) not null,
    enabled       boolean not null,
    constraint deployment_per_platform unique (platform_id, deployment_id)
);
create sequence deployment_seq start with 50 increment by 50;

-- People known from launches. Names and emails only when the platform shares them. Only launches write
-- these rows and the platform's latest word wins, so they carry no optimistic-lock version.
create table app_user (
    id            varchar(36) primary key,
    platform_id   bigint not null references platform (id),
    subject       varchar(255) not null,
    name          varchar(255),
    email         varchar(320),
    last_launch_at timestamp with time zone not null,
    constraint app_user_per_platform unique (platform_id, subject)
);

-- Courses (LTI contexts) known from launches.
create table course (
    id            varchar(36) primary key,
    platform_id   bigint not null references platform (id),
    deployment_id varchar(255) not null,
    context_id    varchar(255) not null,
    title         varchar(512),
    label         varchar(255),
    constraint course_per_deployment unique (platform_id, deployment_id, context_id)
);

-- The outcome of every launch attempt that named a known platform: what an admin needs to see why one failed.
create table launch_event (
    id          bigint primary key,
    platform_id bigint references platform (id),
    issuer      varchar(512),
    outcome     varchar(16) not null,
    reason      varchar(1024),
    occurred_at timestamp with time zone not null
);
create sequence launch_event_seq start with 50 increment by 50;
create index launch_event_platform on launch_event (platform_id, occurred_at);

-- Who did what, when: every state change that matters.
create table audit_event (
    id          bigint primary key,
    actor       varchar(255) not null,
    action      varchar(64)  not null,
    subject     varchar(255),
    detail      varchar(4000),
    occurred_at timestamp with time zone not null
);
create sequence audit_event_seq start with 50 increment by 50;

-- Secrets the application generates for itself (session signing), shared by every node.
create table app_secret (
    name       varchar(64) primary key,
    secret     bytea not null,
    created_at timestamp with time zone not null
);

-- Keys of the built-in demo LMS (a platform simulator; unused when the demo is off).
create table demo_key (
    kid         varchar(64) primary key,
    private_key bytea not null,
    public_jwk  varchar(4000) not null,
    created_at  timestamp with time zone not null
);
