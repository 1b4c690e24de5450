-- Issue 13: an elite wallet selling into a rise is its own signal case (seed 002 "Wait - elite exiting").
-- Adding an Enum8 value is a metadata change: stored rows keep their codes.
ALTER TABLE fired_signals MODIFY COLUMN signal_type Enum8('ELITE_MOMENTUM' = 1, 'MOMENTUM_ONLY' = 2, 'ELITE_EXITING' = 3);
