-- Read contracts of identity (ADR 0003, like V92): people and agencies as the platform analytics
-- and the monthly reports read them (counts, names, contacts, an owner's agency, recipients by
-- role). Other modules only read these views; identity may change its tables behind them.

-- a person with contacts, state, agency and roles (an array, sorted)
create view user_facts as
select u.id, u.name, u.email, u.language, u.status, u.agency_id, u.created_at,
       array(select r.role from user_roles r where r.user_id = u.id order by r.role) as roles
from users u;

-- an agency with its head
create view agency_facts as
select id, name, head_id, active
from agencies;
