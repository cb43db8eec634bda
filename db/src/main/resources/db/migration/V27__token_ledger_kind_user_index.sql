-- Bonus farming over a range starts from the users granted free tokens often: on the 1M-user set that question read
-- every ledger row (8.1M) through the user index and looked up each row's kind, 7 s. With the kind, the user and the
-- amount in one index, the sign-up bonuses are one ordered range of it (0.2 s), and "which of these users ever bought"
-- is a look-up per user in the purchases' range instead of a read of every ledger row those users have. Built in
-- place while writes go on.
CREATE INDEX token_ledger_kind_user_idx ON token_ledger (kind, user_id, delta);
