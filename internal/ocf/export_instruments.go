package ocf

import (
	"fmt"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// instrument writes one instrument.* entry of the journal from the books:
// a grant as the OCF issuance of its type; an exercise, release or
// conversion as the OCF exercise, release or conversion with the stock
// issuance of the certificate it made; a cancellation or expiration as the
// OCF cancellation (an expiration's reason_text starts "Expired", which the
// import reads back as an expiration).
func (x *exporter) instrument(e *journal.Entry) {
	id := str(e.Fields, "id")
	if e.Kind != "instrument.grant" {
		id = str(e.Fields, "instrument")
	}
	in := x.grants[id]
	if in == nil {
		x.out.Notes = append(x.out.Notes, fmt.Sprintf("journal entry %d (%s): instrument %s is not on the books; not exported", e.Seq, e.Kind, id))
		return
	}
	if e.Kind == "instrument.grant" {
		x.txs = append(x.txs, x.grantTx(e, in))
		return
	}
	var ch *acts.InstrumentChange
	for i := range in.Changes {
		if in.Changes[i].Seq == e.Seq {
			ch = &in.Changes[i]
		}
	}
	if ch == nil {
		x.out.Notes = append(x.out.Notes, fmt.Sprintf("journal entry %d (%s): no change of %s recorded; not exported", e.Seq, e.Kind, id))
		return
	}
	txID := fmt.Sprintf("entry-%d", e.Seq)
	tx := map[string]any{"id": txID, "security_id": in.ID, "date": e.Effective}
	switch e.Kind {
	case "instrument.exercise", "instrument.convert":
		var cert *acts.Certificate
		for i := range x.certs {
			if x.certs[i].Number == ch.Certificate {
				cert = &x.certs[i]
			}
		}
		if cert == nil {
			x.out.Notes = append(x.out.Notes, fmt.Sprintf("journal entry %d (%s): certificate %d not found; not exported", e.Seq, e.Kind, ch.Certificate))
			return
		}
		x.used[cert.Number] = true
		res := *cert
		res.Shares, res.Issued, res.Holder, res.Class = ch.Shares, ch.Effective, in.Holder, ch.Class
		iss := x.issuance(txID+"-shares", &res, perShare(cert.Consideration, ch.Shares), "the shares issued by "+txID)
		x.txs = append(x.txs, iss)
		tx["resulting_security_ids"] = []any{secID(cert.Number)}
		switch {
		case e.Kind == "instrument.convert":
			tx["object_type"] = "TX_CONVERTIBLE_CONVERSION"
			tx["trigger_id"] = in.ID + ".conversion"
			tx["reason_text"] = "converted"
			tx["quantity_converted"] = ch.Taken.String()
		case in.Type == acts.InstrumentWarrant:
			tx["object_type"] = "TX_WARRANT_EXERCISE"
			tx["trigger_id"] = in.ID + ".exercise"
			if ch.Taken.Cmp(ch.Shares) != 0 {
				x.out.Notes = append(x.out.Notes, fmt.Sprintf("journal entry %d: warrant %s exercised for %s and issued %s shares; an OCF warrant exercise has no quantity, so it reads back as %s exercised",
					e.Seq, in.ID, ch.Taken, ch.Shares, ch.Shares))
			}
		case in.Type == acts.InstrumentRSU:
			tx["object_type"] = "TX_EQUITY_COMPENSATION_RELEASE"
			tx["quantity"] = ch.Taken.String()
			tx["settlement_date"] = e.Effective
			tx["release_price"] = money(perShare(cert.Consideration, ch.Taken))
		default:
			tx["object_type"] = "TX_EQUITY_COMPENSATION_EXERCISE"
			tx["quantity"] = ch.Taken.String()
		}
		if ch.Shares.Cmp(ch.Taken) != 0 && in.Type != acts.InstrumentWarrant && e.Kind != "instrument.convert" {
			x.out.Notes = append(x.out.Notes, fmt.Sprintf("journal entry %d: %s exercised for %s issued %s shares; OCF reads the shares from the resulting issuance", e.Seq, in.ID, ch.Taken, ch.Shares))
		}
	case "instrument.cancel", "instrument.expire":
		tx["object_type"] = map[string]string{acts.InstrumentWarrant: "TX_WARRANT_CANCELLATION", acts.InstrumentConvertible: "TX_CONVERTIBLE_CANCELLATION"}[in.Type]
		if tx["object_type"] == "" {
			tx["object_type"] = "TX_EQUITY_COMPENSATION_CANCELLATION"
		}
		if in.Type == acts.InstrumentConvertible {
			tx["amount"] = money(ch.Taken)
		} else {
			tx["quantity"] = ch.Taken.String()
		}
		tx["reason_text"] = ch.Reason
		if e.Kind == "instrument.expire" {
			tx["reason_text"] = "Expired"
			if ch.Reason != "" {
				tx["reason_text"] = "Expired: " + ch.Reason
			}
		}
	}
	x.txs = append(x.txs, tx)
}

// grantTx is the OCF issuance of an instrument as granted.
func (x *exporter) grantTx(e *journal.Entry, in *acts.InstrumentOn) map[string]any {
	tx := map[string]any{"id": fmt.Sprintf("entry-%d", e.Seq), "security_id": in.ID, "date": e.Effective,
		"custom_id": in.Label, "stakeholder_id": in.Holder, "security_law_exemptions": []any{},
		"comments": []any{"Resolution: " + in.Resolution}}
	if in.Vesting != "" {
		tx["comments"] = append(tx["comments"].([]any), "Vesting: "+in.Vesting)
	}
	right := func(kind string, mechanism map[string]any) map[string]any {
		r := map[string]any{"type": kind, "conversion_mechanism": mechanism}
		if in.Class != "" {
			r["converts_to_stock_class_id"] = in.Class
		} else {
			r["converts_to_future_round"] = true
		}
		return r
	}
	trigger := func(id string, r map[string]any) []any {
		return []any{map[string]any{"trigger_id": id, "type": "ELECTIVE_AT_WILL", "conversion_right": r}}
	}
	switch in.Type {
	case acts.InstrumentWarrant:
		tx["object_type"] = "TX_WARRANT_ISSUANCE"
		tx["quantity"] = in.Quantity.String()
		if in.Price != nil {
			tx["exercise_price"] = money(*in.Price)
		}
		pp := corp.Decimal{}
		if in.PurchasePrice != nil {
			pp = *in.PurchasePrice
		}
		tx["purchase_price"] = money(pp)
		tx["exercise_triggers"] = trigger(in.ID+".exercise", right("WARRANT_CONVERSION_RIGHT",
			map[string]any{"type": "FIXED_AMOUNT_CONVERSION", "converts_to_quantity": in.Quantity.String()}))
		if !in.Expiration.IsZero() {
			tx["warrant_expiration_date"] = in.Expiration.String()
		}
	case acts.InstrumentConvertible:
		tx["object_type"] = "TX_CONVERTIBLE_ISSUANCE"
		tx["investment_amount"] = money(*in.Principal)
		tx["convertible_type"] = "CONVERTIBLE_SECURITY"
		if in.Subtype == "NOTE" || in.Subtype == "SAFE" {
			tx["convertible_type"] = in.Subtype
		}
		mech := map[string]any{"type": "CUSTOM_CONVERSION", "custom_conversion_description": "as the instrument provides"}
		if in.Quantity != nil {
			mech = map[string]any{"type": "FIXED_AMOUNT_CONVERSION", "converts_to_quantity": in.Quantity.String()}
		} else if in.Price != nil {
			mech["custom_conversion_description"] = "at " + dollars(*in.Price) + " per share"
		}
		tx["conversion_triggers"] = trigger(in.ID+".conversion", right("CONVERTIBLE_CONVERSION_RIGHT", mech))
		tx["seniority"] = 1
	default:
		tx["object_type"] = "TX_EQUITY_COMPENSATION_ISSUANCE"
		switch {
		case in.Type == acts.InstrumentRSU:
			tx["compensation_type"] = "RSU"
		case in.Type == acts.InstrumentSAR && in.Subtype == "CSAR":
			tx["compensation_type"] = "CSAR"
		case in.Type == acts.InstrumentSAR:
			tx["compensation_type"] = "SSAR"
		case in.Subtype == "ISO" || in.Subtype == "NSO":
			tx["compensation_type"] = "OPTION_" + in.Subtype
		default:
			tx["compensation_type"] = "OPTION"
			if in.Subtype == "INTL" {
				tx["option_grant_type"] = in.Subtype
			}
		}
		tx["quantity"] = in.Quantity.String()
		if in.Price != nil {
			key := "exercise_price"
			if in.Type == acts.InstrumentSAR {
				key = "base_price"
			}
			tx[key] = money(*in.Price)
		}
		tx["expiration_date"] = nil
		if !in.Expiration.IsZero() {
			tx["expiration_date"] = in.Expiration.String()
		}
		tx["termination_exercise_windows"] = []any{}
		tx["stock_class_id"] = in.Class
		if id, ok := x.planIDs[in.Plan]; ok && in.Plan != "" {
			tx["stock_plan_id"] = id
		} else if in.Plan != "" {
			tx["comments"] = append(tx["comments"].([]any), "Plan: "+in.Plan)
		}
	}
	return tx
}

func dollars(d corp.Decimal) string { return "$" + d.Grouped() }
