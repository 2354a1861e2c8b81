-- A guest's booking record (trust's risk score, recalculated after every hold, payment and
-- cancellation of the guest) counted on an index: only the bookings that count (confirmed,
-- cancelled or completed; never a lapsed hold) and the columns the counts test, so the
-- count is an index-only scan whose cost grows with the guest's real bookings, not with
-- every hold they ever placed (docs/benchmarks.md, "Hold path", 2026-12-02).
create index bookings_guest_record_idx on bookings (guest_id) include (status, confirmed_at, cancelled_by)
    where source is null and (confirmed_at is not null or status in ('CANCELLED', 'COMPLETED'));
