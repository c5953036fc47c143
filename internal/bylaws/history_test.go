package bylaws

import (
	"testing"

	"minutebook/internal/corp"
)

func TestHistoryInForce(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	h, err := NewHistory(
		Version{Number: 3, Effective: corp.MustDate(2004, 6, 15), Rulebook: rb},
		Version{Number: 1, Effective: corp.MustDate(1999, 9, 2), Rulebook: rb},
		Version{Number: 2, Effective: corp.MustDate(2004, 6, 15), Rulebook: rb},
	)
	if err != nil {
		t.Fatal(err)
	}
	if got := h.String(); got != "v1 from 1999-09-02, v2 from 2004-06-15, v3 from 2004-06-15" {
		t.Errorf("History = %s", got)
	}
	tests := []struct {
		name string
		on   corp.Date
		want int // 0: none in force
	}{
		{"the day before adoption", corp.MustDate(1999, 9, 1), 0},
		{"the adoption day", corp.MustDate(1999, 9, 2), 1},
		{"the day after adoption", corp.MustDate(1999, 9, 3), 1},
		{"the day before the amendment", corp.MustDate(2004, 6, 14), 1},
		// Two versions effective the same day: the later-numbered wins.
		{"the amendment day", corp.MustDate(2004, 6, 15), 3},
		{"long after", corp.MustDate(2030, 1, 1), 3},
		{"the zero date", corp.Date{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, ok := h.InForce(tt.on)
			if got := map[bool]int{true: v.Number, false: 0}[ok]; got != tt.want {
				t.Errorf("InForce(%s) = v%d (ok %v), want v%d", tt.on, v.Number, ok, tt.want)
			}
		})
	}
	var empty History
	if _, ok := empty.InForce(corp.MustDate(2000, 1, 1)); ok {
		t.Error("an empty history has a version in force")
	}
}

func TestNewHistoryErrors(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	d := corp.MustDate
	tests := []struct {
		name string
		vs   []Version
	}{
		{"gap", []Version{{1, d(1999, 9, 2), rb}, {3, d(2000, 1, 1), rb}}},
		{"repeat", []Version{{1, d(1999, 9, 2), rb}, {1, d(2000, 1, 1), rb}}},
		{"backwards", []Version{{1, d(2000, 1, 1), rb}, {2, d(1999, 9, 2), rb}}},
		{"no rulebook", []Version{{1, d(1999, 9, 2), nil}}},
		{"no date", []Version{{1, corp.Date{}, rb}}},
	}
	for _, tt := range tests {
		if _, err := NewHistory(tt.vs...); corp.KindOf(err) != corp.Invalid {
			t.Errorf("NewHistory(%s) = %v, want an Invalid error", tt.name, err)
		}
	}
}
