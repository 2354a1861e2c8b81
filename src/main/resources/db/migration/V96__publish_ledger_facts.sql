-- Read contract of payment (ADR 0003, like V92): the ledger entries as the platform analytics
-- sums them (every entry once: agencies + independents = platform = ledger). Other modules only
-- read this view; payment may change ledger_entries behind it.
create view ledger_facts as
select id, booking_id, owner_id, entry_type, amount, currency, created_at
from ledger_entries;
