-- Which simulated world a demo store holds (issue 11, defect 3). The demo's world is built anew at each start, with
-- its history dated back from that start; rows of an earlier world would sit beside the new world's copies of the
-- same trades. A demo start whose world differs from the one recorded here empties the store's data tables first
-- (src/store/source.ts adoptDemoWorld); the newest row is the world the store holds.
CREATE TABLE IF NOT EXISTS demo_world
(
    -- The simulator's world identity: seed, start of the live phase, sizes (Simulator.worldIdentity).
    world       String,
    adopted_at  DateTime64(3, 'UTC'),
    -- Tables emptied when this world was adopted (none when the store was new).
    cleared     Array(String) DEFAULT []
)
ENGINE = MergeTree
ORDER BY adopted_at
SETTINGS non_replicated_deduplication_window = 100;
