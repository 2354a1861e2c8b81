-- Request ids (docs/operations.md): the id of the request that caused an outbox message or
-- a payment is stored with it, so the message's delivery and the payment's status polling
-- log under the same id as the request. Null for rows written before this migration or
-- outside any request.
alter table notification_outbox add column request_id text;
alter table payments add column request_id text;
