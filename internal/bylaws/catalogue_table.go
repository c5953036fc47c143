package bylaws

// The rule catalogue: every rule of rules.md §1, with the parameters a bylaws
// file must (or may) give it. Generated once from rules.md and maintained by
// hand since; quintus_test.go checks it against rules.md.

var officeOptions = []string{"chairman", "vice_chairman", "president", "vice_president", "secretary", "assistant_secretary", "treasurer", "assistant_treasurer"}

var actorOptions = []string{"board", "stockholders", "committee", "director", "holder", "chairman", "vice_chairman", "president", "vice_president", "secretary", "assistant_secretary", "treasurer", "assistant_treasurer", "inspector", "incorporator", "transfer_agent"}

var baseOptions = []string{"outstanding_entitled_to_vote", "outstanding_entitled_to_vote_for_directors", "shares_present_entitled_to_vote", "voting_power", "voting_power_excluding_transferred", "whole_board", "directors_in_office", "directors_present", "members_in_office", "members_present_not_disqualified"}

var comparisonOptions = []string{"at_least", "more_than"}

var matterOptions = []string{"amend_certificate", "adopt_merger_agreement", "recommend_sale_of_assets", "recommend_dissolution", "amend_bylaws", "declare_dividend", "authorize_stock_issuance"}

var noticeFieldOptions = []string{"place", "date", "hour", "purposes", "remote_communication", "record_date"}

var successionOrderOptions = []string{"board_designation", "election_order"}

var noticeMethodOptions = []string{"mail", "personal", "telegram", "courier", "email", "phone", "fax"}

var ruleSpecs = []RuleSpec{
	{ID: "I.1.registered_office", Params: []ParamSpec{
		{Name: "city", Type: TypeText, Doc: "city of the registered office"},
		{Name: "county", Type: TypeText, Doc: "county of the registered office"},
		{Name: "state", Type: TypeText, Doc: "state of the registered office"},
	}},
	{ID: "I.2.other_offices", Params: []ParamSpec{
		{Name: "determined_by", Type: TypeEnums, Options: actorOptions, Doc: "who may determine other offices"},
	}},
	{ID: "II.1.place_election", Ambiguities: []string{"A-TYPO2"}, Params: []ParamSpec{
		{Name: "place_fixed_by", Type: TypeEnums, Options: actorOptions, Doc: "who may fix the place of a meeting to elect directors"},
		{Name: "default_place", Type: TypeText, Doc: "where the meeting is held when no other place is fixed"},
		{Name: "notice_states_place", Type: TypeBool, Doc: "the notice must state the place"},
	}},
	{ID: "II.1.place_other", Ambiguities: []string{"A-PLACE"}, Params: []ParamSpec{
		{Name: "place_stated_in", Type: TypeEnums, Options: []string{"notice", "waiver"}, Doc: "where the time and place of other meetings may be stated"},
	}},
	{ID: "II.2.annual_meeting", Params: []ParamSpec{
		{Name: "designated_by", Type: TypeEnums, Options: actorOptions, Doc: "who designates the date and time of the annual meeting"},
		{Name: "first_year", Type: TypeInt, Min: 1800, Max: 9999, Doc: "first year in which annual meetings are held under these bylaws"},
		{Name: "court_order_after_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "DGCL §211(c): days after the designated date after which a stockholder or director may apply for a court-ordered meeting"},
		{Name: "court_order_after_months", Type: TypeMonths, Min: 1, Max: 120, Doc: "DGCL §211(c): months after the last annual meeting when no date was designated"},
	}},
	{ID: "II.2.plurality", Mandatory: true, Ambiguities: []string{"A-CUMPLUR", "A-TIE"}, Params: []ParamSpec{
		{Name: "method", Type: TypeEnum, Options: []string{"plurality", "majority_of_votes_cast"}, Doc: "how directors are elected: plurality ranks candidates by votes and fills the D seats with the top D"},
	}},
	{ID: "II.2.other_business", Ambiguities: []string{"A-PROPER"}, Params: []ParamSpec{
		{Name: "advance_notice_bylaw", Type: TypeBool, Doc: "whether the bylaws contain an advance-notice provision defining business 'properly brought' (A-PROPER)"},
	}},
	{ID: "II.3.annual_notice_content", Params: []ParamSpec{
		{Name: "fields", Type: TypeEnums, Options: noticeFieldOptions, Doc: "what the written notice of the annual meeting must state"},
	}},
	{ID: "II.3.annual_notice_window", Mandatory: true, Ambiguities: []string{"A-DAYS"}, Conventions: []string{"mail_time"}, check: checkMinMax("min_days", "max_days"), Params: []ParamSpec{
		{Name: "min_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "fewest days before the meeting on which notice may be given (M − notice date ≥ min_days)"},
		{Name: "max_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "most days before the meeting on which notice may be given (M − notice date ≤ max_days)"},
	}},
	{ID: "II.3.annual_notice_recipients", Params: []ParamSpec{
		{Name: "recipients", Type: TypeEnum, Options: []string{"holders_entitled_to_vote", "all_holders"}, Doc: "who must receive notice: holders of record entitled to vote at the meeting"},
	}},
	{ID: "II.4.list_prepare", Mandatory: true, Params: []ParamSpec{
		{Name: "days_before", Type: TypeDays, Min: 0, Max: 3650, Doc: "the list must be prepared on or before M − days_before"},
		{Name: "prepared_by", Type: TypeText, Doc: "who prepares the list"},
		{Name: "fields", Type: TypeEnums, Options: []string{"name", "address", "shares", "email"}, Doc: "what the list shows for each holder"},
		{Name: "order", Type: TypeEnum, Options: []string{"alphabetical", "alphabetical_by_class"}, Doc: "how the list is arranged"},
	}},
	{ID: "II.4.list_open", Params: []ParamSpec{
		{Name: "min_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "the list must be open for at least this many days before the meeting (M−10 … M−1)"},
		{Name: "places", Type: TypeEnums, Options: []string{"meeting_city_place_in_notice", "meeting_place", "principal_place_of_business", "electronic_network"}, Doc: "where the list may be open (bylaw places; DGCL §219(a) now allows only the principal place of business or an electronic network)"},
		{Name: "purpose", Type: TypeText, Doc: "for what purpose a stockholder may examine the list"},
		{Name: "hours", Type: TypeText, Doc: "when the list is open"},
	}},
	{ID: "II.4.list_at_meeting", Params: []ParamSpec{
		{Name: "whole_meeting", Type: TypeBool, Doc: "the list must be kept at the meeting for its whole duration"},
	}},
	{ID: "II.5.special_call_president", Mandatory: true, Params: []ParamSpec{
		{Name: "who_may_call", Type: TypeEnums, Options: actorOptions, Doc: "who may call a special stockholders' meeting under the bylaws (the Board always may under DGCL §211(d))"},
	}},
	{ID: "II.5.special_call_board_request", Ambiguities: []string{"A-MAJBOARD", "A-CALLDEADLINE"}, Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the Board whose written request obliges a call (the denominator is A-MAJBOARD's choice)"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "who_must_call", Type: TypeEnums, Options: actorOptions, Doc: "who must call the meeting on request"},
		{Name: "in_writing", Type: TypeBool, Doc: "the request must be in writing"},
	}},
	{ID: "II.5.special_call_holder_request", Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the voting stock whose written request obliges a call"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of"},
		{Name: "who_must_call", Type: TypeEnums, Options: actorOptions, Doc: "who must call the meeting on request"},
		{Name: "in_writing", Type: TypeBool, Doc: "the request must be in writing"},
	}},
	{ID: "II.5.request_purpose", Params: []ParamSpec{
		{Name: "purpose_required", Type: TypeBool, Doc: "a request must state the purpose(s) of the meeting"},
	}},
	{ID: "II.5.override", Params: []ParamSpec{
		{Name: "overridden_by", Type: TypeEnums, Options: []string{"statute", "certificate"}, Doc: "what may prescribe otherwise"},
	}},
	{ID: "II.6.special_notice", Mandatory: true, Ambiguities: []string{"A-DAYS"}, check: checkMinMax("min_days", "max_days"), Params: []ParamSpec{
		{Name: "min_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "fewest days before the meeting on which notice may be given"},
		{Name: "max_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "most days before the meeting on which notice may be given"},
		{Name: "fields", Type: TypeEnums, Options: noticeFieldOptions, Doc: "what the written notice of a special meeting must state"},
	}},
	{ID: "II.7.special_business_limited", Params: []ParamSpec{
		{Name: "limited_to_notice", Type: TypeBool, Doc: "only business stated in the notice may be transacted"},
	}},
	{ID: "II.8.quorum", Mandatory: true, Ambiguities: []string{"A-50", "A-TREAS"}, check: checkFloor("fraction", oneThird, "DGCL §216 does not allow a stockholder quorum below one third"), Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the voting stock that must be present in person or by proxy"},
		{Name: "exactly_half_suffices", Type: TypeBool, Doc: "whether exactly the fraction is enough (true: present ≥ fraction × base; false: present must exceed it); must agree with A-50"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of (treasury shares are never outstanding)"},
		{Name: "presence", Type: TypeEnums, Options: []string{"in_person", "by_proxy", "remote_communication"}, Doc: "which kinds of presence count"},
	}},
	{ID: "II.8.adjourn_no_quorum", Ambiguities: []string{"A-ADJVOTE"}, Params: []ParamSpec{
		{Name: "notice_by_announcement", Type: TypeBool, Doc: "an adjournment for want of a quorum needs no notice other than announcement at the meeting"},
	}},
	{ID: "II.8.adjourned_business", Params: []ParamSpec{
		{Name: "original_business_allowed", Type: TypeBool, Doc: "once a quorum is present, any business of the original meeting may be done"},
	}},
	{ID: "II.8.adjourn_notice", Mandatory: true, Ambiguities: []string{"A-ADJQ", "A-ADJNOTICE"}, Params: []ParamSpec{
		{Name: "max_days_without_notice", Type: TypeDays, Min: 0, Max: 3650, Doc: "an adjournment for more than this many days needs fresh notice"},
		{Name: "new_record_date_requires_notice", Type: TypeBool, Doc: "fixing a new record date for the adjourned meeting needs fresh notice"},
	}},
	{ID: "II.9.vote_standard", Mandatory: true, Ambiguities: []string{"A-ABST", "A-BNV"}, Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the voting stock present that must vote yes"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of (abstentions: A-ABST; broker non-votes: A-BNV)"},
	}},
	{ID: "II.9.statutory_override", Params: []ParamSpec{
		{Name: "matters", Type: TypeEnums, Options: []string{"charter_amendment", "merger", "sale_of_assets", "dissolution"}, Doc: "matters on which the statute requires another vote (§242(b), §251(c), §271, §275)"},
		{Name: "fraction", Type: TypeFraction, Doc: "share of the outstanding voting stock the statute requires on those matters"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of"},
	}},
	{ID: "II.10.one_share_one_vote", Ambiguities: []string{"A-TREAS"}, Params: []ParamSpec{
		{Name: "votes_per_share", Type: TypeDecimal, Doc: "votes per share with voting power, unless the certificate provides otherwise (charter facts win)"},
	}},
	{ID: "II.10.proxy_duration", Mandatory: true, Ambiguities: []string{"A-PROXY3Y"}, Conventions: []string{"years"}, Params: []ParamSpec{
		{Name: "years", Type: TypeYears, Min: 1, Max: 100, Doc: "a proxy may not be voted after this many years from its date (CONV.years)"},
		{Name: "longer_if_stated", Type: TypeBool, Doc: "a proxy that provides for a longer period may be voted for that period"},
	}},
	{ID: "II.10.proxy_revocation", Ambiguities: []string{"A-PROXYREV"}, Params: []ParamSpec{
		{Name: "latest_dated_controls", Type: TypeBool, Doc: "a later-dated valid proxy revokes an earlier one (A-PROXYREV)"},
		{Name: "voting_in_person_revokes", Type: TypeBool, Doc: "voting in person revokes a proxy"},
	}},
	{ID: "II.10.cumulative", Ambiguities: []string{"A-CUMCERT"}, Params: []ParamSpec{
		{Name: "certificate_required", Type: TypeBool, Doc: "cumulative voting applies only if the certificate of incorporation grants it (A-CUMCERT)"},
	}},
	{ID: "II.11.written_consent", Ambiguities: []string{"A-CONSENTMIN"}, Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the outstanding voting stock whose consents take an ordinary action (the vote needed with all shares present and voting)"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of"},
		{Name: "delivery_window_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "DGCL §228(c): sufficient consents must be delivered within this many days of the first delivery"},
	}},
	{ID: "II.11.consent_record_date", Params: []ParamSpec{
		{Name: "max_days_after_resolution", Type: TypeDays, Min: 0, Max: 3650, Doc: "DGCL §213(b): a consent record date may be at most this many days after the Board resolution fixing it, and not before it"},
	}},
	{ID: "II.11.director_election", Ambiguities: []string{"A-CONSENTMIN"}, Params: []ParamSpec{
		{Name: "all_seats_vacant_required", Type: TypeBool, Doc: "DGCL §211(b): a less-than-unanimous consent may elect directors in lieu of the annual meeting only if every seat is vacant and filled by it"},
	}},
	{ID: "II.11.prompt_notice", Ambiguities: []string{"A-PROMPT"}, Params: []ParamSpec{
		{Name: "only_if_less_than_unanimous", Type: TypeBool, Doc: "notice is due only after action by less than unanimous consent"},
		{Name: "recipients", Type: TypeEnum, Options: []string{"non_consenting_holders", "all_holders"}, Doc: "who receives the notice"},
	}},
	{ID: "III.1.board_size", Ambiguities: []string{"A-SIZE"}, Params: []ParamSpec{
		{Name: "fixed_by", Type: TypeEnums, Options: actorOptions, Doc: "who may fix the number of directors"},
		{Name: "stockholders_at", Type: TypeEnum, Options: []string{"annual_meeting", "any_meeting"}, Doc: "at which meeting the stockholders may fix it"},
	}},
	{ID: "III.1.term", Params: []ParamSpec{
		{Name: "holdover", Type: TypeBool, Doc: "a director holds office until a successor is elected and qualified"},
	}},
	{ID: "III.1.no_share_qual", Params: []ParamSpec{
		{Name: "directors_must_be_stockholders", Type: TypeBool, Doc: "whether directors must be stockholders"},
	}},
	{ID: "III.2.vacancy_fill", Ambiguities: []string{"A-VACSH"}, Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the directors then in office needed to fill a vacancy"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of"},
		{Name: "sole_director_may_fill", Type: TypeBool, Doc: "a sole remaining director may fill vacancies alone"},
		{Name: "quorum_not_required", Type: TypeBool, Doc: "the directors may act though less than a quorum"},
	}},
	{ID: "III.2.vacancy_term", Params: []ParamSpec{
		{Name: "term_ends", Type: TypeEnum, Options: []string{"next_annual_election", "end_of_predecessor_term"}, Doc: "when a director chosen to fill a vacancy stops holding office"},
		{Name: "holdover", Type: TypeBool, Doc: "and until a successor is elected and qualifies"},
	}},
	{ID: "III.2.no_directors", Params: []ParamSpec{
		{Name: "election_as_statute", Type: TypeBool, Doc: "with no directors in office, an election is held as the statute provides (DGCL §211, §223)"},
	}},
	{ID: "III.2.court_election", Ambiguities: []string{"A-VACCOUNT"}, Params: []ParamSpec{
		{Name: "in_office_fraction", Type: TypeFraction, Doc: "the trigger: directors in office are not more than this share of the whole board (before any increase)"},
		{Name: "applicant_fraction", Type: TypeFraction, Doc: "share of the outstanding voting shares that applicants must hold"},
		{Name: "applicant_comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: exactly the applicant fraction qualifies"},
	}},
	{ID: "III.3.board_powers", Params: []ParamSpec{
		{Name: "residual_authority", Type: TypeEnum, Options: actorOptions, Doc: "who holds every power not reserved to the stockholders"},
	}},
	{ID: "III.4.meeting_place", Params: []ParamSpec{
		{Name: "within_or_without_delaware", Type: TypeBool, Doc: "the Board may meet inside or outside Delaware"},
	}},
	{ID: "III.5.first_meeting", Params: []ParamSpec{
		{Name: "fixed_by", Type: TypeEnums, Options: actorOptions, Doc: "who fixes the time and place of the first meeting of a newly elected Board"},
		{Name: "no_notice_if_quorum", Type: TypeBool, Doc: "no notice is needed if a quorum is present"},
	}},
	{ID: "III.5.first_meeting_fallback", Params: []ParamSpec{
		{Name: "notice_as", Type: TypeEnum, Options: []string{"special_board_meeting"}, Doc: "otherwise the meeting is held on notice as for special Board meetings"},
		{Name: "waiver_fraction", Type: TypeFraction, Doc: "or as stated in a written waiver signed by this share of the directors"},
	}},
	{ID: "III.6.regular_meetings", Params: []ParamSpec{
		{Name: "notice_required", Type: TypeBool, Doc: "whether regular Board meetings need notice"},
	}},
	{ID: "III.7.special_call", Mandatory: true, Ambiguities: []string{"A-EMAILDIR", "A-MAIL2D"}, Conventions: []string{"hours"}, Params: []ParamSpec{
		{Name: "mail_days", Type: TypeDays, Min: 0, Max: 365, Doc: "notice by mail must be deposited at least this many calendar days before the meeting (A-MAIL2D)"},
		{Name: "personal_hours", Type: TypeHours, Min: 0, Max: 8760, Doc: "notice in person or by telegram must be delivered at least this many hours before the meeting (CONV.hours)"},
		{Name: "who_may_call", Type: TypeEnums, Options: actorOptions, Doc: "who may call a special Board meeting"},
		{Name: "methods", Type: TypeEnums, Options: noticeMethodOptions, Doc: "the notice methods the bylaw provides for (A-EMAILDIR)"},
	}},
	{ID: "III.7.special_call_request", Ambiguities: []string{"A-CALLDEADLINE"}, Params: []ParamSpec{
		{Name: "requesting_directors", Type: TypeInt, Min: 1, Max: 1000, Doc: "number of directors whose written request obliges a call"},
		{Name: "sole_director_suffices", Type: TypeBool, Doc: "if the Board has one director, that director's request suffices"},
		{Name: "who_must_call", Type: TypeEnums, Options: actorOptions, Doc: "who must call the meeting on request"},
	}},
	{ID: "III.8.board_quorum", Mandatory: true, Ambiguities: []string{"A-BQUORUM"}, check: checkFloor("fraction", oneThird, "DGCL §141(b) does not allow a board quorum below one third"), Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the directors that is a quorum (the denominator is A-BQUORUM's choice)"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
	}},
	{ID: "III.8.board_act", Mandatory: true, Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the directors present at a meeting with a quorum whose vote is the act of the Board"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of"},
	}},
	{ID: "III.8.board_adjourn", Params: []ParamSpec{
		{Name: "notice_by_announcement", Type: TypeBool, Doc: "directors present without a quorum may adjourn with notice only by announcement"},
	}},
	{ID: "III.9.unanimous_consent", Ambiguities: []string{"A-TYPO2"}, Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the members who must consent in writing"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of"},
		{Name: "filed_with_minutes", Type: TypeBool, Doc: "the consents must be filed with the minutes"},
	}},
	{ID: "III.10.remote_participation", Params: []ParamSpec{
		{Name: "all_must_hear", Type: TypeBool, Doc: "all participants must be able to hear each other"},
		{Name: "counts_as_presence", Type: TypeBool, Doc: "such participation is presence in person"},
	}},
	{ID: "III.11.committee_designation", Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the whole board whose vote designates a committee"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of"},
		{Name: "min_members", Type: TypeInt, Min: 1, Max: 1000, Doc: "fewest directors on a committee"},
	}},
	{ID: "III.11.alternates", Params: []ParamSpec{
		{Name: "alternates_allowed", Type: TypeBool, Doc: "the Board may designate alternate committee members"},
	}},
	{ID: "III.11.substitute_member", Ambiguities: []string{"A-TYPO1"}, Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the members present and not disqualified who must agree to appoint a substitute"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of"},
		{Name: "quorum_not_required", Type: TypeBool, Doc: "whether or not they constitute a quorum"},
	}},
	{ID: "III.11.committee_powers", Params: []ParamSpec{
		{Name: "scope", Type: TypeEnum, Options: []string{"board_resolution", "all_board_powers"}, Doc: "a committee has the powers the Board resolution grants"},
		{Name: "may_authorize_seal", Type: TypeBool, Doc: "a committee may authorize the seal to be affixed"},
	}},
	{ID: "III.11.committee_prohibited", Ambiguities: []string{"A-141C"}, Params: []ParamSpec{
		{Name: "matters", Type: TypeEnums, Options: matterOptions, Doc: "matters no committee may act on"},
	}},
	{ID: "III.11.committee_dividend_stock", Ambiguities: []string{"A-EXPRESS"}, Params: []ParamSpec{
		{Name: "matters", Type: TypeEnums, Options: matterOptions, Doc: "matters a committee may act on only with express authority"},
		{Name: "express_authority_in", Type: TypeEnums, Options: []string{"board_resolution", "certificate", "bylaws"}, Doc: "where the express authority must be given (A-EXPRESS)"},
	}},
	{ID: "III.11.committee_name", Params: []ParamSpec{
		{Name: "named_by", Type: TypeEnums, Options: actorOptions, Doc: "who names committees"},
	}},
	{ID: "III.12.committee_minutes", Params: []ParamSpec{
		{Name: "regular_minutes", Type: TypeBool, Doc: "each committee keeps regular minutes"},
		{Name: "report_to", Type: TypeEnums, Options: actorOptions, Doc: "to whom committees report when required"},
	}},
	{ID: "III.13.director_comp", Params: []ParamSpec{
		{Name: "fixed_by", Type: TypeEnums, Options: actorOptions, Doc: "who fixes director compensation"},
		{Name: "forms", Type: TypeEnums, Options: []string{"expenses", "fee_per_meeting", "salary"}, Doc: "forms of director compensation"},
		{Name: "committee_members_alike", Type: TypeBool, Doc: "committee members may receive like compensation"},
	}},
	{ID: "III.14.removal", Ambiguities: []string{"A-REMOVALS", "A-CAUSE"}, Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the shares entitled to vote at an election of directors that must vote for removal"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of (all such shares, not just those present)"},
		{Name: "with_or_without_cause", Type: TypeBool, Doc: "removal may be with or without cause (subject to DGCL §141(k))"},
	}},
	{ID: "IV.1.mail_notice", Params: []ParamSpec{
		{Name: "given_when", Type: TypeEnum, Options: []string{"deposit", "receipt"}, Doc: "when mailed notice counts as given; must agree with conventions.mail_time"},
		{Name: "methods", Type: TypeEnums, Options: noticeMethodOptions, Doc: "methods the bylaw provides for all recipients"},
		{Name: "postage_prepaid", Type: TypeBool, Doc: "postage must be prepaid"},
	}},
	{ID: "IV.1.telegram_directors", Ambiguities: []string{"A-EMAILDIR"}, Params: []ParamSpec{
		{Name: "methods", Type: TypeEnums, Options: noticeMethodOptions, Doc: "additional methods for notice to directors"},
	}},
	{ID: "IV.2.waiver", Params: []ParamSpec{
		{Name: "in_writing", Type: TypeBool, Doc: "a waiver must be in writing and signed by the person entitled to notice"},
		{Name: "before_or_after", Type: TypeBool, Doc: "a waiver may be signed before or after the time stated"},
	}},
	{ID: "V.1.required_officers", Mandatory: true, Params: []ParamSpec{
		{Name: "offices", Type: TypeEnums, Options: officeOptions, Doc: "offices the corporation must have"},
	}},
	{ID: "V.1.chair_from_board", Ambiguities: []string{"A-CHAIR"}, Params: []ParamSpec{
		{Name: "offices", Type: TypeEnums, Options: officeOptions, Doc: "offices the Board may fill from among its members"},
		{Name: "must_be_director", Type: TypeBool, Doc: "holders of those offices must be directors (A-CHAIR)"},
	}},
	{ID: "V.1.optional_officers", Params: []ParamSpec{
		{Name: "offices", Type: TypeEnums, Options: officeOptions, Doc: "other offices the Board may fill"},
	}},
	{ID: "V.1.multiple_offices", Ambiguities: []string{"A-SIGN2"}, Params: []ParamSpec{
		{Name: "allowed", Type: TypeBool, Doc: "one person may hold any number of offices"},
	}},
	{ID: "V.2.annual_officer_election", Params: []ParamSpec{
		{Name: "offices", Type: TypeEnums, Options: officeOptions, Doc: "offices the Board must fill at its first meeting after each annual meeting"},
		{Name: "optional_offices", Type: TypeEnums, Options: officeOptions, Doc: "offices it may fill then"},
	}},
	{ID: "V.3.other_officers", Params: []ParamSpec{
		{Name: "appointed_by", Type: TypeEnums, Options: actorOptions, Doc: "who appoints other officers and agents"},
	}},
	{ID: "V.4.salaries", Params: []ParamSpec{
		{Name: "fixed_by", Type: TypeEnums, Options: actorOptions, Doc: "who alone fixes officers' and agents' salaries"},
	}},
	{ID: "V.5.term", Params: []ParamSpec{
		{Name: "holdover", Type: TypeBool, Doc: "officers hold office until their successors are chosen and qualify"},
	}},
	{ID: "V.5.removal", Ambiguities: []string{"A-MAJBOARD"}, Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the Board whose affirmative vote removes an officer (the denominator is A-MAJBOARD's choice)"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "at_any_time", Type: TypeBool, Doc: "an officer may be removed at any time"},
	}},
	{ID: "V.5.vacancy", Params: []ParamSpec{
		{Name: "filled_by", Type: TypeEnums, Options: actorOptions, Doc: "who fills a vacancy in any office"},
	}},
	{ID: "V.6.chair_presides", Params: []ParamSpec{
		{Name: "presiding_order", Type: TypeInt, Min: 1, Max: 10, Doc: "rank in the presiding order at Board and stockholder meetings"},
	}},
	{ID: "V.7.vice_chair_presides", Params: []ParamSpec{
		{Name: "presiding_order", Type: TypeInt, Min: 1, Max: 10, Doc: "rank in the presiding order"},
	}},
	{ID: "V.8.president_ceo", Ambiguities: []string{"A-PRESIDE"}, Params: []ParamSpec{
		{Name: "presiding_order", Type: TypeInt, Min: 1, Max: 10, Doc: "rank in the presiding order"},
		{Name: "president_is_ceo", Type: TypeBool, Doc: "the president is the chief executive officer"},
	}},
	{ID: "V.9.sealed_instruments", Params: []ParamSpec{
		{Name: "default_signer", Type: TypeEnum, Options: officeOptions, Doc: "who signs instruments under seal unless the Board delegates"},
	}},
	{ID: "V.10.vp_succession", Ambiguities: []string{"A-ORDER"}, Params: []ParamSpec{
		{Name: "order", Type: TypeEnums, Options: successionOrderOptions, Doc: "how vice-presidents are ranked to act for the president, first rule first"},
	}},
	{ID: "V.10.vp_duties", Params: []ParamSpec{
		{Name: "prescribed_by", Type: TypeEnums, Options: actorOptions, Doc: "who prescribes vice-presidents' other duties"},
	}},
	{ID: "V.11.secretary", Params: []ParamSpec{
		{Name: "duties", Type: TypeEnums, Options: []string{"attend_meetings", "record_minutes", "committee_minutes", "give_notice"}, Doc: "the secretary's duties"},
		{Name: "supervised_by", Type: TypeEnums, Options: actorOptions, Doc: "under whose supervision the secretary acts"},
	}},
	{ID: "V.11.seal_custody", Params: []ParamSpec{
		{Name: "custodian", Type: TypeEnum, Options: officeOptions, Doc: "who keeps the seal"},
		{Name: "may_affix", Type: TypeEnums, Options: officeOptions, Doc: "who may affix and attest the seal"},
		{Name: "board_may_authorize_others", Type: TypeBool, Doc: "the Board may authorize any other officer to affix and attest"},
	}},
	{ID: "V.12.asst_secretary_succession", Params: []ParamSpec{
		{Name: "order", Type: TypeEnums, Options: successionOrderOptions, Doc: "how assistant secretaries are ranked to act for the secretary"},
	}},
	{ID: "V.13.treasurer_custody", Params: []ParamSpec{
		{Name: "depositories_designated_by", Type: TypeEnums, Options: actorOptions, Doc: "who designates depositories"},
	}},
	{ID: "V.14.treasurer_disburse", Params: []ParamSpec{
		{Name: "requires_board_order", Type: TypeBool, Doc: "disbursements need a Board order"},
		{Name: "reports_to", Type: TypeEnums, Options: actorOptions, Doc: "to whom the treasurer renders accounts"},
	}},
	{ID: "V.15.treasurer_bond", Params: []ParamSpec{
		{Name: "renewal_years", Type: TypeYears, Min: 1, Max: 100, Doc: "the treasurer's bond, if the Board requires one, is renewed every this many years"},
		{Name: "required_by", Type: TypeEnums, Options: actorOptions, Doc: "who may require the bond"},
	}},
	{ID: "V.16.asst_treasurer_succession", Params: []ParamSpec{
		{Name: "order", Type: TypeEnums, Options: successionOrderOptions, Doc: "how assistant treasurers are ranked to act for the treasurer"},
	}},
	{ID: "VI.1.certificate_signers", Mandatory: true, Ambiguities: []string{"A-SIGN2"}, check: checkDisjoint("group_a", "group_b"), Params: []ParamSpec{
		{Name: "group_a", Type: TypeEnums, Options: officeOptions, Doc: "one signer must hold one of these offices"},
		{Name: "group_b", Type: TypeEnums, Options: officeOptions, Doc: "and one signer must hold one of these (A-SIGN2)"},
	}},
	{ID: "VI.1.partly_paid", Ambiguities: []string{"A-PARTLY"}, Params: []ParamSpec{
		{Name: "fields", Type: TypeEnums, Options: []string{"total_consideration", "amount_paid"}, Doc: "what a partly paid certificate must state"},
	}},
	{ID: "VI.1.class_rights", Params: []ParamSpec{
		{Name: "applies_above_classes", Type: TypeInt, Min: 0, Max: 1000, Doc: "the class-rights statement is needed when more than this many classes or series are authorized"},
		{Name: "furnish_statement_allowed", Type: TypeBool, Doc: "a statement that the corporation will furnish the rights on request may replace them (DGCL §202)"},
	}},
	{ID: "VI.2.facsimile", Params: []ParamSpec{
		{Name: "facsimile_allowed", Type: TypeBool, Doc: "any or all signatures may be facsimiles"},
		{Name: "issue_after_signer_leaves", Type: TypeBool, Doc: "a certificate may be issued after a signer leaves office"},
	}},
	{ID: "VI.3.lost_certificate", Params: []ParamSpec{
		{Name: "directed_by", Type: TypeEnums, Options: actorOptions, Doc: "who may direct a replacement"},
		{Name: "affidavit_required", Type: TypeBool, Doc: "the claimant must give an affidavit"},
		{Name: "bond_discretionary", Type: TypeBool, Doc: "the Board may require an indemnity bond as a condition precedent"},
		{Name: "advertisement_discretionary", Type: TypeBool, Doc: "the Board may require advertisement as a condition precedent"},
	}},
	{ID: "VI.4.transfer", Params: []ParamSpec{
		{Name: "duties", Type: TypeEnums, Options: []string{"issue_new_certificate", "cancel_old_certificate", "record_transfer"}, Doc: "what the corporation must do on surrender of a duly endorsed certificate"},
	}},
	{ID: "VI.5.record_date_meeting", Mandatory: true, Ambiguities: []string{"A-DAYS", "A-RDCOUNT"}, check: checkMinMax("min_days", "max_days"), Params: []ParamSpec{
		{Name: "min_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "a meeting record date may be at least this many days before the meeting (M − RD ≥ min_days)"},
		{Name: "max_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "and at most this many (M − RD ≤ max_days)"},
	}},
	{ID: "VI.5.record_date_other", Mandatory: true, Ambiguities: []string{"A-ACTION"}, Params: []ParamSpec{
		{Name: "max_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "a record date for any other action may be at most this many days before it (A-ACTION)"},
	}},
	{ID: "VI.5.record_date_consent", Params: []ParamSpec{
		{Name: "max_days", Type: TypeDays, Min: 0, Max: 3650, Doc: "the bylaw's limit for consents (superseded by DGCL §213(b), see II.11.consent_record_date)"},
	}},
	{ID: "VI.5.adjournment", Params: []ParamSpec{
		{Name: "applies_to_adjournment", Type: TypeBool, Doc: "a meeting record date applies to any adjournment"},
		{Name: "board_may_fix_new", Type: TypeBool, Doc: "the Board may fix a new record date for the adjourned meeting"},
	}},
	{ID: "VI.6.market_standoff", Ambiguities: []string{"A-ACT", "A-ANYREG", "A-STANDDAY", "A-COHORT"}, Conventions: []string{"period_following"}, Params: []ParamSpec{
		{Name: "days", Type: TypeDays, Min: 0, Max: 3650, Doc: "length of the stand-off after the effective date of a registration statement (A-STANDDAY)"},
		{Name: "cohort_from", Type: TypeDate, Doc: "holders who receive or purchase shares on or after this date are bound (A-COHORT)"},
		{Name: "requested_by", Type: TypeEnums, Options: []string{"corporation", "underwriter"}, Doc: "who may request the stand-off"},
		{Name: "request_required", Type: TypeBool, Doc: "the stand-off applies only to the extent requested (A-ANYREG)"},
	}},
	{ID: "VI.6.stop_transfer", Params: []ParamSpec{
		{Name: "allowed", Type: TypeBool, Doc: "the corporation may impose stop-transfer instructions until the end of the stand-off"},
	}},
	{ID: "VI.6.standoff_legend", Params: []ParamSpec{
		{Name: "legend", Type: TypeText, Doc: "the legend, exactly as the bylaw gives it"},
		{Name: "placement", Type: TypeEnum, Options: []string{"endorsed", "face"}, Doc: "where the legend goes: endorsed on the certificate (face or back)"},
	}},
	{ID: "VI.7.registered_holder", Params: []ParamSpec{
		{Name: "rights", Type: TypeEnums, Options: []string{"dividends", "votes"}, Doc: "rights the registered holder exclusively has"},
		{Name: "liabilities", Type: TypeEnums, Options: []string{"calls", "assessments"}, Doc: "what the registered holder may be held liable for"},
	}},
	{ID: "VII.1.dividend_declare", Ambiguities: []string{"A-DIVCONSENT"}, Params: []ParamSpec{
		{Name: "declared_by", Type: TypeEnums, Options: actorOptions, Doc: "who declares dividends (a committee only with express authority)"},
		{Name: "at", Type: TypeEnums, Options: []string{"regular_meeting", "special_meeting"}, Doc: "at which Board meetings (A-DIVCONSENT)"},
	}},
	{ID: "VII.1.dividend_form", Params: []ParamSpec{
		{Name: "forms", Type: TypeEnums, Options: []string{"cash", "property", "shares"}, Doc: "forms in which dividends may be paid"},
	}},
	{ID: "VII.2.reserves", Params: []ParamSpec{
		{Name: "modify_as_created", Type: TypeBool, Doc: "a reserve may be modified or abolished only in the way it was created"},
	}},
	{ID: "VII.3.checks", Params: []ParamSpec{
		{Name: "signers_designated_by", Type: TypeEnums, Options: actorOptions, Doc: "who designates the signers of checks and notes"},
	}},
	{ID: "VII.4.fiscal_year", Params: []ParamSpec{
		{Name: "fixed_by", Type: TypeEnums, Options: actorOptions, Doc: "who fixes the fiscal year"},
	}},
	{ID: "VII.5.seal", Params: []ParamSpec{
		{Name: "adopted_by", Type: TypeEnums, Options: actorOptions, Doc: "who may adopt a seal"},
		{Name: "inscription", Type: TypeText, Doc: "words the seal bears besides the name and year of organization"},
	}},
	{ID: "VII.6.indemn_mandatory", Params: []ParamSpec{
		{Name: "covered", Type: TypeEnums, Options: []string{"director", "officer", "employee", "agent"}, Doc: "who must be indemnified"},
		{Name: "extent", Type: TypeEnum, Options: []string{"fullest_extent_of_law"}, Doc: "to what extent"},
	}},
	{ID: "VII.6.self_initiated", Ambiguities: []string{"A-AGENT"}, Params: []ParamSpec{
		{Name: "board_authorization_required", Type: TypeBool, Doc: "a proceeding the indemnitee started is covered only if the Board authorized it"},
	}},
	{ID: "VII.6.nonexclusive_etc", Params: []ParamSpec{
		{Name: "nonexclusive", Type: TypeBool, Doc: "not exclusive of other rights"},
		{Name: "continues_after_service", Type: TypeBool, Doc: "continues after the person stops being a director"},
		{Name: "inures_to_heirs", Type: TypeBool, Doc: "benefits heirs, executors and administrators"},
	}},
	{ID: "VII.6.offset", Params: []ParamSpec{
		{Name: "offset_by", Type: TypeEnums, Options: []string{"other_indemnification", "insurance"}, Doc: "what reduces the obligation"},
	}},
	{ID: "VII.6.advancement", Params: []ParamSpec{
		{Name: "undertaking_required", Type: TypeBool, Doc: "expenses are advanced on receipt of an undertaking to repay"},
	}},
	{ID: "VII.6.advancement_exception", Ambiguities: []string{"A-MAJBOARD"}, Params: []ParamSpec{
		{Name: "fraction", Type: TypeFraction, Doc: "share of the Board that must approve the corporation's suit (the denominator is A-MAJBOARD's choice)"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "allegations", Type: TypeEnums, Options: []string{"misappropriation", "confidential_disclosure", "bad_faith_breach"}, Doc: "allegations that lift the duty to advance"},
	}},
	{ID: "VII.6.contract", Params: []ParamSpec{
		{Name: "vests_on", Type: TypeEnum, Options: []string{"state_of_facts"}, Doc: "rights vest with the state of facts then existing"},
	}},
	{ID: "VII.6.officers_employees", Params: []ParamSpec{
		{Name: "discretionary", Type: TypeBool, Doc: "indemnifying officers and employees is discretionary"},
		{Name: "decided_by", Type: TypeEnums, Options: actorOptions, Doc: "who decides"},
	}},
	{ID: "VII.6.erisa", Params: []ParamSpec{
		{Name: "benefit_plan_is_other_enterprise", Type: TypeBool, Doc: "an employee benefit plan is an 'other enterprise'"},
		{Name: "excise_taxes_are_fines", Type: TypeBool, Doc: "ERISA excise taxes count as fines"},
	}},
	{ID: "VIII.1.prohibition", Ambiguities: []string{"A-PLEDGE"}, Params: []ParamSpec{
		{Name: "covers", Type: TypeEnums, Options: []string{"sale", "assignment", "pledge", "gift", "operation_of_law"}, Doc: "transfers that need compliance with Art. VIII (A-PLEDGE)"},
	}},
	{ID: "VIII.1.a.notice", Params: []ParamSpec{
		{Name: "fields", Type: TypeEnums, Options: []string{"transferee", "shares", "consideration", "other_terms"}, Doc: "what the transfer notice must state"},
	}},
	{ID: "VIII.1.b.option", Ambiguities: []string{"A-ROFRDEADLINE"}, Conventions: []string{"within_after"}, Params: []ParamSpec{
		{Name: "days", Type: TypeDays, Min: 0, Max: 3650, Doc: "the option runs R+1 … R+days after the corporation receives the notice (CONV.within_after, A-ROFRDEADLINE)"},
		{Name: "all_or_none", Type: TypeBool, Doc: "the corporation must buy all, not less than all, of the shares"},
	}},
	{ID: "VIII.1.b.fmv", Params: []ParamSpec{
		{Name: "determined_by", Type: TypeEnums, Options: actorOptions, Doc: "who determines fair market value, in good faith"},
	}},
	{ID: "VIII.1.b.election_notice", Params: []ParamSpec{
		{Name: "in_writing", Type: TypeBool, Doc: "the election must be given in writing within the option window"},
	}},
	{ID: "VIII.1.c.assignment", Ambiguities: []string{"A-ASSIGN"}, Params: []ParamSpec{
		{Name: "assignable", Type: TypeBool, Doc: "the corporation may assign its rights (A-ASSIGN)"},
	}},
	{ID: "VIII.1.d.settlement", Ambiguities: []string{"A-ROFRDEADLINE"}, Params: []ParamSpec{
		{Name: "days", Type: TypeDays, Min: 0, Max: 3650, Doc: "settlement is due within this many days after the Secretary receives the notice"},
		{Name: "from_receipt_by", Type: TypeEnum, Options: []string{"secretary", "corporation"}, Doc: "whose receipt starts the settlement period"},
		{Name: "form", Type: TypeEnum, Options: []string{"cash"}, Doc: "settlement is in cash"},
	}},
	{ID: "VIII.1.e.free_window", Ambiguities: []string{"A-ASSPEC", "A-EARLYDECLINE"}, Conventions: []string{"period_following"}, Params: []ParamSpec{
		{Name: "days", Type: TypeDays, Min: 0, Max: 3650, Doc: "after the option expires, the holder may transfer within this many days (CONV.period_following)"},
		{Name: "same_terms_required", Type: TypeBool, Doc: "the transfer must be as specified in the notice (A-ASSPEC)"},
		{Name: "shares_remain_subject", Type: TypeBool, Doc: "shares so transferred stay subject to Art. VIII"},
	}},
	{ID: "VIII.1.f.1.family", Ambiguities: []string{"A-FAMILY"}, Params: []ParamSpec{
		{Name: "relations", Type: TypeEnums, Options: relationOptions, Doc: "immediate family: spouse, lineal descendant, father, mother, brother, sister (A-FAMILY)"},
		{Name: "fiduciaries", Type: TypeEnums, Options: relationOptions, Doc: "a custodian or trustee for the holder or immediate family also qualifies"},
	}},
	{ID: "VIII.1.f.2.existing_holder", Ambiguities: []string{"A-LOOPHOLE"}, Params: []ParamSpec{
		{Name: "exempt", Type: TypeBool, Doc: "a transfer to a person who is already a stockholder is exempt (A-LOOPHOLE)"},
	}},
	{ID: "VIII.1.f.3.officer_director", Params: []ParamSpec{
		{Name: "exempt", Type: TypeBool, Doc: "a transfer to a person who is an officer or director is exempt"},
	}},
	{ID: "VIII.1.f.4.corp_reorg", Params: []ParamSpec{
		{Name: "transferor_kinds", Type: TypeEnums, Options: personKindOptions, Doc: "kinds of transferor the exemption covers"},
		{Name: "events", Type: TypeEnums, Options: []string{"merger", "consolidation", "reclassification", "capital_reorganization", "sale_of_stock_or_assets"}, Doc: "events of the corporate stockholder that are exempt"},
	}},
	{ID: "VIII.1.f.5.partnership", Ambiguities: []string{"A-LLC"}, Params: []ParamSpec{
		{Name: "transferor_kinds", Type: TypeEnums, Options: personKindOptions, Doc: "kinds of transferor the exemption covers (A-LLC)"},
		{Name: "recipients", Type: TypeEnums, Options: []string{"partners", "former_partners"}, Doc: "who may receive"},
	}},
	{ID: "VIII.1.f.6.pro_rata", Params: []ParamSpec{
		{Name: "transferor_kinds", Type: TypeEnums, Options: personKindOptions, Doc: "kinds of transferor the exemption covers"},
		{Name: "pro_rata_required", Type: TypeBool, Doc: "the distribution to its stockholders must be pro rata"},
	}},
	{ID: "VIII.1.f.tail", Params: []ParamSpec{
		{Name: "recipients_bound", Type: TypeBool, Doc: "recipients under an exemption hold the shares subject to Art. VIII"},
	}},
	{ID: "VIII.1.g.waiver", Ambiguities: []string{"A-WAIVEEXCL"}, Params: []ParamSpec{
		{Name: "board_may_waive", Type: TypeBool, Doc: "the Board may waive Art. VIII for a particular transfer"},
		{Name: "fraction", Type: TypeFraction, Doc: "share of the voting power whose written consent waives it"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of (A-WAIVEEXCL)"},
	}},
	{ID: "VIII.1.g.amend", Ambiguities: []string{"A-ROFRAMEND"}, Params: []ParamSpec{
		{Name: "board_may_amend", Type: TypeBool, Doc: "the Board may amend or repeal Art. VIII (A-ROFRAMEND)"},
		{Name: "fraction", Type: TypeFraction, Doc: "share of the voting power whose written consent amends or repeals it"},
		{Name: "comparison", Type: TypeEnum, Options: comparisonOptions, Doc: "at_least: part ≥ fraction × base suffices; more_than: part must exceed fraction × base (a majority)"},
		{Name: "of", Type: TypeEnum, Options: baseOptions, Doc: "what the fraction is of"},
	}},
	{ID: "VIII.1.h.void", Params: []ParamSpec{
		{Name: "noncompliant_void", Type: TypeBool, Doc: "a transfer that does not strictly follow Art. VIII is null and void"},
	}},
	{ID: "VIII.1.i.termination", Ambiguities: []string{"A-TERMDAY", "A-IPODATE"}, Params: []ParamSpec{
		{Name: "date", Type: TypeDate, Doc: "the right of first refusal terminates on this date (A-TERMDAY)"},
		{Name: "ends_on_public_offering", Type: TypeBool, Doc: "or earlier, on the date securities are first offered to the public under an effective registration statement (A-IPODATE)"},
	}},
	{ID: "VIII.1.j.legend", Params: []ParamSpec{
		{Name: "legend", Type: TypeText, Doc: "the legend, exactly as the bylaw gives it"},
		{Name: "placement", Type: TypeEnum, Options: []string{"endorsed", "face"}, Doc: "where the legend goes: on the face of the certificate"},
	}},
	{ID: "IX.1.who", Mandatory: true, Params: []ParamSpec{
		{Name: "stockholders_may_amend", Type: TypeBool, Doc: "the stockholders may adopt, amend or repeal bylaws"},
		{Name: "board_if_certificate_confers", Type: TypeBool, Doc: "the Board may, when the certificate confers the power (charter facts)"},
	}},
	{ID: "IX.1.where", Ambiguities: []string{"A-REGULAR", "A-AMENDCONSENT"}, Params: []ParamSpec{
		{Name: "meetings", Type: TypeEnums, Options: []string{"regular_meeting", "special_meeting_with_notice"}, Doc: "where an amendment may be adopted: any regular meeting, or a special meeting whose notice mentions it (A-REGULAR)"},
	}},
	{ID: "IX.1.no_divest", Params: []ParamSpec{
		{Name: "stockholders_power_preserved", Type: TypeBool, Doc: "conferring the power on the Board does not limit the stockholders'"},
	}},
	{ID: "CERT.adoption_date", Params: []ParamSpec{
		{Name: "date", Type: TypeDate, Doc: "the date the Board adopted these bylaws, as the Secretary certifies; must equal the file's adopted date"},
		{Name: "certified_by", Type: TypeText, Doc: "who certified the adoption"},
	}},
}

var ambiguitySpecs = []AmbiguitySpec{
	{Code: "A-DAYS", Where: "II §3, II §6, VI §5", Default: "calendar", Options: []Option{{"calendar", "M − d in calendar days (McKesson): notice on M−10 is 10 days before"}, {"clear", "clear days: neither the notice day nor the meeting day counts, so 10 days needs M − d ≥ 11"}}},
	{Code: "A-RDCOUNT", Where: "VI §5", Default: "difference", Options: []Option{{"difference", "M − RD must lie in the window: RD = M−10 is fine, M−9 is refused"}, {"inclusive", "the record date itself counts as one of the days, so RD = M−9 gives 10"}}},
	{Code: "A-ABST", Where: "II §9", Default: "in_denominator", Options: []Option{{"in_denominator", "abstentions count as present and work as 'no' votes (§216(2))"}, {"votes_cast", "abstentions are left out; only votes cast count"}}},
	{Code: "A-BNV", Where: "II §9", Default: "exclude_from_denominator", Options: []Option{{"exclude_from_denominator", "broker non-votes count for quorum but not in the denominator of matters the nominee may not vote on"}, {"in_denominator", "broker non-votes count as present on every matter"}}},
	{Code: "A-50", Where: "II §8", Default: "at_least_half", Options: []Option{{"at_least_half", "exactly 50% of the voting stock is a quorum"}, {"more_than_half", "more than 50% is needed"}}},
	{Code: "A-CUMCERT", Where: "II §10", Default: "certificate_flag", Options: []Option{{"certificate_flag", "cumulative voting only if the charter facts grant it; a silent certificate grants none"}}},
	{Code: "A-CUMPLUR", Where: "II §2 + §10", Default: "rank_by_total", Options: []Option{{"rank_by_total", "rank candidates by total cumulative votes; the top D win"}}, Params: []ParamSpec{{Name: "excess", Type: TypeEnum, Options: []string{"reject_ballot", "ask_correction"}, Default: "reject_ballot", Doc: "what to do with a ballot that casts more than shares × seats"}}},
	{Code: "A-TIE", Where: "II §2", Default: "undetermined", Options: []Option{{"undetermined", "no one is elected to a tied seat: the incumbent holds over (III §1), a new seat stays vacant (III §2); flag for a run-off"}}},
	{Code: "A-ADJVOTE", Where: "II §8", Default: "majority_of_present", Options: []Option{{"majority_of_present", "a majority of the shares present in person or by proxy adjourns; the chair may not adjourn alone"}, {"chair", "the chair may adjourn"}}},
	{Code: "A-ADJQ", Where: "II §8", Default: "all_adjournments", Options: []Option{{"all_adjournments", "the >30-day / new-record-date notice rule applies to every adjournment (§222(c))"}, {"no_quorum_only", "only to adjournments for want of a quorum"}}},
	{Code: "A-ADJNOTICE", Where: "II §8", Default: "general_window", Options: []Option{{"general_window", "give notice of the adjourned meeting within the 10–60 day window of §222(b); flag"}, {"any_time_before", "any time before the adjourned meeting"}}},
	{Code: "A-MAJBOARD", Where: "II §5, V §5, VII §6", Default: "whole_board", Options: []Option{{"whole_board", "a majority of the whole board (vacancies included)"}, {"in_office", "a majority of the directors in office"}, {"present", "a majority of the directors present at a meeting with a quorum"}}},
	{Code: "A-BQUORUM", Where: "III §8", Default: "whole_board", Options: []Option{{"whole_board", "a majority of the whole board (§141(b) 'total number')"}, {"in_office", "a majority of the directors in office"}}},
	{Code: "A-CALLDEADLINE", Where: "II §5, III §7", Default: "open_obligation", Options: []Option{{"open_obligation", "track the duty to call as an open obligation; flag after flag_days; no automatic breach"}}, Params: []ParamSpec{{Name: "flag_days", Type: TypeDays, Min: 0, Max: 3650, Default: 10, Doc: "flag an uncalled requested meeting after this many days"}}},
	{Code: "A-PLACE", Where: "II §1", Default: "caller", Options: []Option{{"caller", "whoever validly calls the meeting fixes the place, as stated in the notice"}, {"board", "only the Board fixes the place"}}},
	{Code: "A-PROPER", Where: "II §2", Default: "chair_accepts", Options: []Option{{"chair_accepts", "any business germane to the annual meeting that the chair accepts; warn"}, {"notice_only", "only business stated in the notice"}}},
	{Code: "A-PROMPT", Where: "II §11", Default: "flag_only", Options: []Option{{"flag_only", "flag if notice is not sent within flag_days; failure does not invalidate the action (Brown v. Kellar)"}}, Params: []ParamSpec{{Name: "flag_days", Type: TypeDays, Min: 0, Max: 3650, Default: 10, Doc: "flag when notice of the action is not sent within this many days"}}},
	{Code: "A-CONSENTMIN", Where: "II §11", Default: "unanimous_unless_211b", Options: []Option{{"unanimous_unless_211b", "electing directors by consent needs unanimity unless the §211(b) conditions are met; otherwise > 50% of outstanding"}, {"majority_outstanding", "> 50% of the outstanding voting stock for every consent"}}},
	{Code: "A-PROXY3Y", Where: "II §10", Default: "through_anniversary", Options: []Option{{"through_anniversary", "a proxy may be voted through the anniversary of its date"}, {"before_anniversary", "a proxy may be voted only before the anniversary"}}, Params: []ParamSpec{{Name: "feb29", Type: TypeEnum, Options: []string{"feb28", "mar1"}, Default: "feb28", Doc: "where the anniversary of 29 February falls in a common year; must agree with conventions.feb29"}, {Name: "undated", Type: TypeEnum, Options: []string{"refuse", "date_of_receipt"}, Default: "refuse", Doc: "what to do with an undated proxy (flagged either way)"}}},
	{Code: "A-PROXYREV", Where: "II §10", Default: "latest_dated", Options: []Option{{"latest_dated", "the latest-dated valid proxy controls; voting in person revokes; irrevocable only with 'irrevocable' plus an interest (§212(e))"}, {"latest_received", "the latest-received valid proxy controls"}}},
	{Code: "A-SIZE", Where: "III §1", Default: "last_in_time", Options: []Option{{"last_in_time", "the last valid determination in time; flag conflicts"}, {"stockholders_prevail", "a stockholder determination prevails over the Board's"}}},
	{Code: "A-VACSH", Where: "III §2", Default: "both", Options: []Option{{"both", "directors and stockholders may both fill vacancies, including those from removal"}, {"directors_only", "only the directors fill vacancies"}}},
	{Code: "A-VACCOUNT", Where: "III §2", Default: "before_filling", Options: []Option{{"before_filling", "count directors in office immediately before the filling act"}, {"after_filling", "count directors in office after the filling act"}}},
	{Code: "A-TYPO1", Where: "III §11", Default: "absence_or_disqualification", Options: []Option{{"absence_or_disqualification", "read 'in the absence or disqualification'"}, {"literal", "read the text as written"}}},
	{Code: "A-TYPO2", Where: "III §9", Default: "as_intended", Options: []Option{{"as_intended", "read 'or these bylaws' and 'corporation'"}, {"literal", "read the text as written"}}},
	{Code: "A-141C", Where: "III §11", Default: "by_incorporation_date", Options: []Option{{"by_incorporation_date", "§141(c)(1) if incorporated before 1 July 1996, else §141(c)(2); the bylaw list applies in all cases"}, {"c1", "always §141(c)(1)"}, {"c2", "always §141(c)(2)"}}},
	{Code: "A-EXPRESS", Where: "III §11", Default: "must_name", Options: []Option{{"must_name", "the authority must name dividends or stock issuance"}, {"general_grant", "a grant of all the Board's powers suffices"}}},
	{Code: "A-EMAILDIR", Where: "III §7, IV §1", Default: "bylaw_methods_only", Options: []Option{{"bylaw_methods_only", "only mail (2 days) and personal delivery or telegram (48 hours) satisfy III §7; other media need a waiver or attendance"}, {"allow_electronic", "e-mail, phone or fax count as personal notice"}}},
	{Code: "A-MAIL2D", Where: "III §7", Default: "calendar_days", Options: []Option{{"calendar_days", "deposit date ≤ meeting date − 2 (calendar days)"}, {"elapsed_hours", "48 hours elapsed from deposit to the meeting"}}},
	{Code: "A-REMOVALS", Where: "III §14 / §141(k)(2)", Default: "votes_cast", Options: []Option{{"votes_cast", "S = shares voted on the removal question; flag when the readings differ"}, {"outstanding", "S = all outstanding shares entitled to vote"}}},
	{Code: "A-CAUSE", Where: "III §14", Default: "record_determination", Options: []Option{{"record_determination", "record the Board's or stockholders' determination of cause; no automated finding"}}},
	{Code: "A-CHAIR", Where: "V §1", Default: "ends", Options: []Option{{"ends", "the chairmanship ends with the directorship; flag"}, {"continues", "the chairmanship continues"}}},
	{Code: "A-ORDER", Where: "V §10, §12, §16", Default: "minutes_order", Options: []Option{{"minutes_order", "the order in the minutes or resolution; if still tied, undetermined (flag)"}}},
	{Code: "A-PRESIDE", Where: "V §6–§10", Default: "acting_vp_then_elect", Options: []Option{{"acting_vp_then_elect", "the vice-president acting under V §10 presides; failing one, the meeting elects a chair (flag)"}, {"meeting_elects", "the meeting elects a chair"}}},
	{Code: "A-SIGN2", Where: "VI §1 + V §1", Default: "refuse", Options: []Option{{"refuse", "two distinct individuals must sign"}, {"allow", "one person holding a group-A and a group-B office may sign in both capacities"}}},
	{Code: "A-ACTION", Where: "VI §5", Default: "payment", Options: []Option{{"payment", "the action is the payment (or exercise) date; the record date must also be on or after the declaration (§213(c))"}, {"declaration", "the action is the declaration date"}}},
	{Code: "A-ACT", Where: "VI §6", Default: "securities_act_1933", Options: []Option{{"securities_act_1933", "'the Act' is the Securities Act of 1933; 'the undersigned' means the stockholder"}}},
	{Code: "A-ANYREG", Where: "VI §6", Default: "requested_only", Options: []Option{{"requested_only", "a window exists only for a registration statement for which a request is recorded"}, {"every_registration", "every registration statement starts a window"}}},
	{Code: "A-STANDDAY", Where: "VI §6", Default: "day0", Options: []Option{{"day0", "the effective date is day 0: window E+1 … E+180; flag that the alternative ends a day earlier"}, {"day1", "the effective date is day 1: window E … E+179"}}},
	{Code: "A-COHORT", Where: "VI §6", Default: "per_lot", Options: []Option{{"per_lot", "only lots acquired on or after the adoption date are restricted"}, {"per_holder", "all shares of a holder who acquires any shares on or after that date"}}},
	{Code: "A-ROFRDEADLINE", Where: "VIII §1(b),(d)", Default: "split", Options: []Option{{"split", "the option window counts from the corporation's receipt, settlement from the Secretary's; flag an election on the last day"}, {"secretary_receipt", "both count from the Secretary's receipt"}}},
	{Code: "A-ASSIGN", Where: "VIII §1(c),(d)", Default: "partial_combined_all", Options: []Option{{"partial_combined_all", "the corporation may assign part of its right; combined purchases must total 100%"}, {"whole_only", "only the whole right may be assigned"}}},
	{Code: "A-ASSPEC", Where: "VIII §1(e)", Default: "same_or_stricter", Options: []Option{{"same_or_stricter", "the same transferee on the same or stricter terms (price not lower); otherwise a new notice"}, {"exact", "exactly the noticed transferee and terms"}}},
	{Code: "A-EARLYDECLINE", Where: "VIII §1(e)", Default: "from_expiry", Options: []Option{{"from_expiry", "the 60-day window runs from the expiry of the option even after an early written decline"}, {"from_decline", "an early written decline starts the 60-day window"}}},
	{Code: "A-FAMILY", Where: "VIII §1(f)(1)", Default: "listed_only", Options: []Option{{"listed_only", "only the listed relations (adopted children are lineal descendants); trusts only if every beneficiary is exempt"}, {"broad", "also step-relatives, in-laws and domestic partners"}}},
	{Code: "A-LOOPHOLE", Where: "VIII §1(f)(2)", Default: "literal", Options: []Option{{"literal", "apply literally; flag transfers that look like a step transaction"}}},
	{Code: "A-LLC", Where: "VIII §1(f)(4)–(6)", Default: "not_exempt", Options: []Option{{"not_exempt", "LLC, trust and other entity transferors are not covered"}, {"like_partnership", "treat an LLC like a partnership"}}},
	{Code: "A-PLEDGE", Where: "VIII §1", Default: "notice_required", Options: []Option{{"notice_required", "a pledge needs notice; the option applies at the loan terms or FMV (Board); flag"}, {"exempt", "pledges need no notice"}}},
	{Code: "A-WAIVEEXCL", Where: "VIII §1(g)", Default: "transferred_only", Options: []Option{{"transferred_only", "exclude only the transferred shares, from numerator and denominator"}, {"all_transferor_shares", "exclude all the transferor's shares"}}},
	{Code: "A-ROFRAMEND", Where: "VIII §1(g) vs IX §1", Default: "article_viii_flag", Options: []Option{{"article_viii_flag", "apply Art. VIII(g) as the specific rule but flag §109(a)"}, {"article_ix", "the Board may amend Art. VIII only if the certificate confers the power"}}},
	{Code: "A-TERMDAY", Where: "VIII §1(i)", Default: "start_of_day", Options: []Option{{"start_of_day", "the right ends at the start of the date: transfers on it are free"}, {"end_of_day", "the right ends at the end of the date"}}},
	{Code: "A-IPODATE", Where: "VIII §1(i)(2)", Default: "later_of_effective_and_offer", Options: []Option{{"later_of_effective_and_offer", "the effective date, or the first offer date if later"}, {"effective_date", "the effective date"}, {"first_offer_date", "the first offer date"}}},
	{Code: "A-REGULAR", Where: "IX §1", Default: "annual_is_regular", Options: []Option{{"annual_is_regular", "the annual meeting is a regular meeting: no special notice of an amendment is needed (flag as best practice)"}, {"notice_always", "an amendment at any stockholders' meeting needs notice"}}},
	{Code: "A-AMENDCONSENT", Where: "IX §1", Default: "allowed", Options: []Option{{"allowed", "bylaws may be amended by written consent (II §11 / III §9)"}, {"not_allowed", "only at a meeting"}}},
	{Code: "A-DIVCONSENT", Where: "VII §1", Default: "allowed", Options: []Option{{"allowed", "a dividend may be declared by unanimous written consent (III §9)"}, {"not_allowed", "only at a meeting"}}},
	{Code: "A-AGENT", Where: "VII §6", Default: "indemnified_director", Options: []Option{{"indemnified_director", "'agent' means the indemnified director"}, {"any_agent", "'agent' covers any agent of the corporation"}}},
	{Code: "A-PARTLY", Where: "VI §1", Default: "proportional", Options: []Option{{"proportional", "dividends on partly paid shares follow §156: proportional to the share paid"}}},
	{Code: "A-TREAS", Where: "II §8", Default: "exclude", Options: []Option{{"exclude", "treasury shares neither vote nor count for a quorum (§160(c))"}}},
}

var conventionSpecs = []ConventionSpec{
	{Name: "days_before", Default: "calendar", Options: []Option{{"calendar", "M − d calendar days; the act day excluded, the meeting day included"}, {"clear", "clear days: both end days excluded"}}},
	{Name: "within_after", Default: "day0", Options: []Option{{"day0", "'within N days after X' is X+1 … X+N"}, {"day1", "X counts as day 1: X … X+N−1"}}},
	{Name: "period_following", Default: "day0", Options: []Option{{"day0", "'the N-day period following E' is E+1 … E+N"}, {"day1", "E counts as day 1: E … E+N−1"}}},
	{Name: "hours", Default: "elapsed", Options: []Option{{"elapsed", "exact elapsed time from delivery to the meeting start"}, {"whole_days", "whole calendar days (48 hours = 2 days)"}}},
	{Name: "mail_time", Default: "deposit", Options: []Option{{"deposit", "mailed notice is given when deposited in the U.S. mail"}, {"receipt", "when received"}}},
	{Name: "majority", Default: "more_than_half", Options: []Option{{"more_than_half", "a majority of X is more than half: floor(X/2)+1 for whole shares or seats; '50% of X' is ≥ X/2"}}},
	{Name: "years", Default: "through_anniversary", Options: []Option{{"through_anniversary", "'N years from its date' lasts through the N-th anniversary"}, {"before_anniversary", "it ends the day before the anniversary"}}},
	{Name: "feb29", Default: "feb28", Options: []Option{{"feb28", "an anniversary of 29 February falls on 28 February in a common year"}, {"mar1", "it falls on 1 March"}}},
	{Name: "outstanding", Default: "excludes_treasury", Options: []Option{{"excludes_treasury", "outstanding excludes treasury shares (§160(c))"}}},
	{Name: "whole_board", Default: "fixed_number", Options: []Option{{"fixed_number", "the number of directorships fixed under Art. III §1, vacancies included"}, {"in_office", "the directors in office"}}},
	{Name: "dates", Default: "civil_local", Options: []Option{{"civil_local", "civil dates (Y-M-D) in the corporation's time zone; never UTC instants"}}},
}
