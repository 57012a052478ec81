-- The release review: what the anonymiser found in each piece and what a moderator decided, and the moment a
-- round's pieces were released to scorers.

-- The piece's text before anonymising (sealed with the data key: it holds the names the scorers' text has not) and
-- its spans (JSON: start, end, label, origin, decision). Read only by the review, like piece_identity.
create table piece_review (
    piece_id      varchar(36)     primary key references piece (id),
    original_text varchar(200000) not null,
    spans         varchar(400000) not null,
    lock_version  bigint          not null
);

alter table moderation_round add column released_at timestamp with time zone;
alter table moderation_round add column released_by varchar(36);
