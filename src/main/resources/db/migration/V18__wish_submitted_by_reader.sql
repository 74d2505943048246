-- Whether a wish came with a token that may also read released wishes or their counts (an admin's: "admin:
-- everything", or an analyst's). Such a wish is released with its class but never counts towards the k wishes
-- a class needs: else a reader could fill a waiting class with wishes of their own, release it and subtract
-- them, and what is left is one client's wish. Says nothing about the client; no staff answer shows it.
-- Existing wishes came from kiosks and systems (an admin's own were not told apart before), so they count.
ALTER TABLE wish ADD COLUMN submitted_by_reader BOOLEAN NOT NULL DEFAULT FALSE;
