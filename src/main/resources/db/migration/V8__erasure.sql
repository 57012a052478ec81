-- When a round's student data (files, originals, identity links, texts) was erased, by retention or on request.
alter table moderation_round add column erased_at timestamp with time zone;
