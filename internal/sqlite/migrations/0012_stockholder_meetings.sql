-- Stockholders' meetings, the list's inspections, written consents (package tables, meetings.go).
CREATE TABLE stockholder_meetings (
    corp TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, date TEXT NOT NULL, time TEXT NOT NULL, place TEXT NOT NULL, remote TEXT NOT NULL, remote_only INTEGER NOT NULL, called_by TEXT NOT NULL, called TEXT NOT NULL, request TEXT NOT NULL, purposes TEXT NOT NULL, record_date TEXT NOT NULL, record_date_how TEXT NOT NULL, adjourned_from TEXT NOT NULL, needs_notice INTEGER NOT NULL, list_place TEXT NOT NULL, list_prepared TEXT NOT NULL, list_seq INTEGER NOT NULL, seq INTEGER NOT NULL, held INTEGER NOT NULL, chair TEXT NOT NULL, shares_present TEXT NOT NULL, shares_entitled TEXT NOT NULL, has_quorum INTEGER NOT NULL, list_produced INTEGER NOT NULL, adjourned_to TEXT NOT NULL, held_seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE stockholder_requests (
    corp TEXT NOT NULL, id TEXT NOT NULL, requested_by TEXT NOT NULL, requesters TEXT NOT NULL, purposes TEXT NOT NULL, date TEXT NOT NULL, requesting TEXT NOT NULL, needed TEXT NOT NULL, binding INTEGER NOT NULL, called_meeting TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE stockholder_notices (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, holder TEXT NOT NULL, seq INTEGER NOT NULL, method TEXT NOT NULL, address TEXT NOT NULL, given TEXT NOT NULL, days INTEGER NOT NULL, status TEXT NOT NULL, detail TEXT NOT NULL,
    PRIMARY KEY (corp, meeting, holder, seq)
);
CREATE TABLE stockholder_waivers (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, holder TEXT NOT NULL, signed TEXT NOT NULL, form TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, meeting, holder)
);
CREATE TABLE stockholder_attendance (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, holder TEXT NOT NULL, mode TEXT NOT NULL, proxy_holder TEXT NOT NULL, shares TEXT NOT NULL, objected INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, meeting, holder)
);
CREATE TABLE list_inspections (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, seq INTEGER NOT NULL, holder TEXT NOT NULL, what TEXT NOT NULL, date TEXT NOT NULL, purpose TEXT NOT NULL, request_seq INTEGER NOT NULL,
    PRIMARY KEY (corp, meeting, seq)
);
CREATE TABLE stockholder_motions (
    corp TEXT NOT NULL, meeting TEXT NOT NULL, id TEXT NOT NULL, question TEXT NOT NULL, kind TEXT NOT NULL, purpose INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, meeting, id)
);
CREATE TABLE stockholder_consents (
    corp TEXT NOT NULL, id TEXT NOT NULL, action TEXT NOT NULL, kind TEXT NOT NULL, terms TEXT NOT NULL, record_date TEXT NOT NULL, record_date_how TEXT NOT NULL, first_delivered TEXT NOT NULL, needed TEXT NOT NULL, consented TEXT NOT NULL, base TEXT NOT NULL, effective TEXT NOT NULL, unanimous INTEGER NOT NULL, prompt_notice TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE consent_deliveries (
    corp TEXT NOT NULL, consent TEXT NOT NULL, holder TEXT NOT NULL, signed TEXT NOT NULL, delivered TEXT NOT NULL, votes TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, consent, holder)
);
CREATE TABLE notice_preferences (
    corp TEXT NOT NULL, holder TEXT NOT NULL, electronic TEXT NOT NULL, effective TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (corp, holder)
);
