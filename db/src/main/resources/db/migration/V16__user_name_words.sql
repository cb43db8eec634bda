-- Support finds users by any word of their name: first name, surname or patronymic. Two virtual columns hold the name
-- from its second and from its third word on, each with an index, so "any word starts with ..." is three index
-- ranges. The table's collation (utf8mb4_unicode_ci) already matches regardless of case and treats ё as е. The columns
-- are computed by the database, so they stay true whoever writes the name; adding them does not rewrite the table.
/* [jooq ignore start] */
ALTER TABLE app_user
    ADD COLUMN name_word2 VARCHAR(128) AS (NULLIF(SUBSTRING(display_name, CHAR_LENGTH(SUBSTRING_INDEX(display_name, ' ', 1)) + 2), '')) VIRTUAL,
    ADD COLUMN name_word3 VARCHAR(128) AS (NULLIF(SUBSTRING(display_name, CHAR_LENGTH(SUBSTRING_INDEX(display_name, ' ', 2)) + 2), '')) VIRTUAL;
CREATE INDEX app_user_name_word2_idx ON app_user (name_word2);
CREATE INDEX app_user_name_word3_idx ON app_user (name_word3);
/* [jooq ignore stop] */
