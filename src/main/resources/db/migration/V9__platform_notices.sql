-- Asset Processor submission notices a platform sent (LTI Platform Notification Service), kept until a moderator
-- imports them into a round. The body (the student's LMS id, the files' names and URLs) is sealed with the data key;
-- submission_key is a one-way key per student and activity, so re-imports find the same submission.
create table asset_notice (
    id varchar(36) primary key,
    platform_id bigint not null,
    notice_id varchar(255) not null,
    deployment_id varchar(255) not null,
    context_id varchar(255) not null,
    activity_id varchar(255) not null,
    activity_title varchar(512),
    submission_key varchar(64) not null,
    body varchar(200000) not null,
    notice_at timestamp with time zone not null,
    received_at timestamp with time zone not null,
    constraint asset_notice_once unique (platform_id, notice_id)
);
create index asset_notice_activity on asset_notice (platform_id, context_id, activity_id);
create index asset_notice_received on asset_notice (received_at);

-- Where the course's platform takes notice handlers (from the launch's platformnotificationservice claim),
-- and when Calibrate last registered its handler there.
alter table course add column notice_service_url varchar(1024);
alter table course add column notice_handler_at timestamp with time zone;
