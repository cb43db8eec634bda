-- A plugin's health answer in every staff member's language: beside the English message (logs, older rows), the text as
-- JSON: a bundle key and arguments for what the console and the api-spi word, the plugin's own wording per language for
-- what the plugin words in its jar. Never a secret: plugins must not put one in a message.
ALTER TABLE plugin_health ADD COLUMN message_text VARCHAR(2000) NULL AFTER message;
