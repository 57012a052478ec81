-- An admin may switch a registration off; a platform file re-read at start-up does not switch it back on.
alter table platform add column admin_disabled boolean default false not null;
-- What dynamic registration learnt: the scopes the platform granted and its product (moodle, canvas, ...).
alter table platform add column granted_scopes varchar(2000);
alter table platform add column product_family varchar(64);
-- The client assertion's audience for platforms that want another than their token URL (Brightspace).
alter table platform add column auth_token_audience varchar(512);

-- LTI Advantage service endpoints as the latest launch in the course named them (NRPS 2.0 §3.6.1, AGS 2.0 §3.1).
alter table course add column memberships_url varchar(1024);
alter table course add column line_items_url varchar(1024);
alter table course add column ags_scopes varchar(1024);
alter table course add column roster_synced_at timestamp with time zone;
alter table course add column roster_differences_url varchar(1024);

-- A Calibrate placement in a course: created by deep linking, or on the first launch of a resource link the
-- LMS made itself. Rounds attach to a placement; grade return goes to its line item.
create table placement (
    id               varchar(36) primary key,
    course_id        varchar(36) not null references course (id),
    resource_link_id varchar(255),
    title            varchar(512) not null,
    description      varchar(4000),
    score_maximum    double precision not null,
    line_item_url    varchar(1024),
    created_by       varchar(36),
    created_at       timestamp with time zone not null,
    version          bigint not null,
    constraint placement_per_link unique (course_id, resource_link_id)
);

-- The course roster as the platform's NRPS last reported it. Learners' names are kept only so the anonymiser
-- can remove them from work; the API never lists them to scorers.
create table roster_member (
    id          bigint primary key,
    course_id   varchar(36) not null references course (id),
    user_id     varchar(255) not null,
    name        varchar(255),
    given_name  varchar(255),
    family_name varchar(255),
    email       varchar(320),
    roles       varchar(2000) not null,
    status      varchar(16) not null,
    synced_at   timestamp with time zone not null,
    constraint roster_member_per_course unique (course_id, user_id)
);
create sequence roster_member_seq start with 50 increment by 50;

-- Grade return outbox: a score is stored first, then sent with retries. The platform user id is the one
-- identity kept here, because the gradebook needs it.
create table grade_outbox (
    id                bigint primary key,
    placement_id      varchar(36) not null references placement (id),
    user_id           varchar(255) not null,
    score_given       double precision,
    score_maximum     double precision not null,
    comment           varchar(4000),
    score_timestamp   timestamp with time zone not null,
    state             varchar(16) not null,
    attempts          integer not null,
    next_attempt_at   timestamp with time zone,
    claimed_until     timestamp with time zone,
    last_error        varchar(1024),
    sent_at           timestamp with time zone,
    created_by        varchar(64) not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint not null
);
create sequence grade_outbox_seq start with 50 increment by 50;
create index grade_outbox_due on grade_outbox (state, next_attempt_at);
create index grade_outbox_placement on grade_outbox (placement_id, user_id);

-- The demo LMS's side of LTI Advantage: tool registrations made by dynamic registration, activities placed
-- by deep linking, its gradebook (line items and scores).
create table demo_registration (
    client_id     varchar(64) primary key,
    deployment_id varchar(64) not null,
    tool_name     varchar(255),
    configuration varchar(8000) not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);

create table demo_activity (
    resource_link_id varchar(64) primary key,
    client_id        varchar(64) not null,
    title            varchar(512) not null,
    url              varchar(1024) not null,
    custom           varchar(4000),
    created_at       timestamp with time zone not null
);

create table demo_line_item (
    id               varchar(36) primary key,
    resource_link_id varchar(64),
    label            varchar(512) not null,
    score_maximum    double precision not null,
    tag              varchar(255),
    resource_id      varchar(255),
    created_at       timestamp with time zone not null
);

create table demo_score (
    id              bigint primary key,
    line_item_id    varchar(36) not null references demo_line_item (id),
    user_id         varchar(255) not null,
    score_given     double precision,
    score_maximum   double precision,
    comment         varchar(4000),
    grading_progress varchar(32) not null,
    activity_progress varchar(32) not null,
    score_timestamp timestamp with time zone not null,
    received_at     timestamp with time zone not null
);
create sequence demo_score_seq start with 50 increment by 50;
