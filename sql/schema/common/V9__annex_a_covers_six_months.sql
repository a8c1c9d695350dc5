-- An Ofsted Annex A covers the six months to its date, not twelve: its lists include children whose
-- plan or episode ended "in the six months before the inspection", so a month end before that would
-- miss every child whose plan ended earlier (a count too low, with nothing to say so). Annex A returns
-- a previous release loaded were recorded as covering a year; the next run reads them as six months.
UPDATE statutory_return SET covers = 'HALF_YEAR' WHERE source_kind = 'ANNEX_A' AND covers = 'YEAR';
