-- The link from a piece to its student is stored sealed with the data key (CALIBRATE_DATA_KEY): room for the
-- encrypted form. Links written before stay readable as they are.
alter table piece_identity alter column learner_subject set data type varchar(1000);
