-- Routing reads each candidate's answers within the answers window for its weight's corrections
-- (leads.routing.answers-window): from this index alone, without visiting the offers' rows, which
-- their reasons make wide, and without the offers still awaiting an answer, which count for nothing.
CREATE INDEX offer_answers_by_partner ON offer (partner_id, offered_at) INCLUDE (answer, response_seconds)
    WHERE answer IN ('ACCEPTED', 'DECLINED', 'MISSED');
