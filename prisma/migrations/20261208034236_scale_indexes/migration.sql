-- A district's three years (issue 24 item 2): the indexes the district-wide reads lacked, each
-- measured with EXPLAIN (ANALYZE, BUFFERS) in docs/performance.md (2026-12-08, items 2 and 7).

-- CreateIndex
CREATE INDEX "booking_starts_at_id_idx" ON "booking"("starts_at", "id");

-- CreateIndex
CREATE INDEX "attendance_lawyer_id_venue_id_arrived_at_idx" ON "attendance"("lawyer_id", "venue_id", "arrived_at");

-- CreateIndex
CREATE INDEX "attendance_venue_id_session_ends_at_idx" ON "attendance"("venue_id", "session_ends_at");

-- CreateIndex
CREATE INDEX "walk_in_at_id_idx" ON "walk_in"("at", "id");
