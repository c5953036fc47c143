-- Stockholders' meetings, the list's inspections, written consents (package tables, meetings.go).
CREATE TABLE stockholder_meetings (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, type TEXT COLLATE "C" NOT NULL, date TEXT COLLATE "C" NOT NULL, time TEXT COLLATE "C" NOT NULL, place TEXT COLLATE "C" NOT NULL, remote TEXT COLLATE "C" NOT NULL, remote_only BIGINT NOT NULL, called_by TEXT COLLATE "C" NOT NULL, called TEXT COLLATE "C" NOT NULL, request TEXT COLLATE "C" NOT NULL, purposes TEXT COLLATE "C" NOT NULL, record_date TEXT COLLATE "C" NOT NULL, record_date_how TEXT COLLATE "C" NOT NULL, adjourned_from TEXT COLLATE "C" NOT NULL, needs_notice BIGINT NOT NULL, list_place TEXT COLLATE "C" NOT NULL, list_prepared TEXT COLLATE "C" NOT NULL, list_seq BIGINT NOT NULL, seq BIGINT NOT NULL, held BIGINT NOT NULL, chair TEXT COLLATE "C" NOT NULL, shares_present TEXT COLLATE "C" NOT NULL, shares_entitled TEXT COLLATE "C" NOT NULL, has_quorum BIGINT NOT NULL, list_produced BIGINT NOT NULL, adjourned_to TEXT COLLATE "C" NOT NULL, held_seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE stockholder_requests (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, requested_by TEXT COLLATE "C" NOT NULL, requesters TEXT COLLATE "C" NOT NULL, purposes TEXT COLLATE "C" NOT NULL, date TEXT COLLATE "C" NOT NULL, requesting TEXT COLLATE "C" NOT NULL, needed TEXT COLLATE "C" NOT NULL, binding BIGINT NOT NULL, called_meeting TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE stockholder_notices (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, method TEXT COLLATE "C" NOT NULL, address TEXT COLLATE "C" NOT NULL, given TEXT COLLATE "C" NOT NULL, days BIGINT NOT NULL, status TEXT COLLATE "C" NOT NULL, detail TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (corp, meeting, holder, seq)
);
CREATE TABLE stockholder_waivers (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL, signed TEXT COLLATE "C" NOT NULL, form TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, meeting, holder)
);
CREATE TABLE stockholder_attendance (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL, mode TEXT COLLATE "C" NOT NULL, proxy_holder TEXT COLLATE "C" NOT NULL, shares TEXT COLLATE "C" NOT NULL, objected BIGINT NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, meeting, holder)
);
CREATE TABLE list_inspections (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, holder TEXT COLLATE "C" NOT NULL, what TEXT COLLATE "C" NOT NULL, date TEXT COLLATE "C" NOT NULL, purpose TEXT COLLATE "C" NOT NULL, request_seq BIGINT NOT NULL,
    PRIMARY KEY (corp, meeting, seq)
);
CREATE TABLE stockholder_motions (
    corp TEXT COLLATE "C" NOT NULL, meeting TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, question TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, purpose BIGINT NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, meeting, id)
);
CREATE TABLE stockholder_consents (
    corp TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, action TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, terms TEXT COLLATE "C" NOT NULL, record_date TEXT COLLATE "C" NOT NULL, record_date_how TEXT COLLATE "C" NOT NULL, first_delivered TEXT COLLATE "C" NOT NULL, needed TEXT COLLATE "C" NOT NULL, consented TEXT COLLATE "C" NOT NULL, base TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, unanimous BIGINT NOT NULL, prompt_notice TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, id)
);
CREATE TABLE consent_deliveries (
    corp TEXT COLLATE "C" NOT NULL, consent TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL, signed TEXT COLLATE "C" NOT NULL, delivered TEXT COLLATE "C" NOT NULL, votes TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, consent, holder)
);
CREATE TABLE notice_preferences (
    corp TEXT COLLATE "C" NOT NULL, holder TEXT COLLATE "C" NOT NULL, electronic TEXT COLLATE "C" NOT NULL, effective TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (corp, holder)
);
