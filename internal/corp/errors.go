package corp

import (
	"errors"
	"fmt"
)

// Kind classifies an error so that every transport can map it to one exit
// code or HTTP status (the Upspin pattern).
type Kind int

// The error kinds.
const (
	Other           Kind = iota // an internal error; its cause is logged, not shown
	Invalid                     // bad input: a field, a file or a value is wrong (exit 2)
	Refused                     // a rule of the bylaws or the DGCL failed (exit 1)
	NotFound                    // a named corporation, person or record does not exist
	Conflict                    // a concurrent change or a duplicate identifier
	Storage                     // the store failed (exit 3)
	Unauthenticated             // not logged in, or the credentials are wrong (HTTP 401)
	Forbidden                   // logged in, but the access policy does not allow it (HTTP 403)
	RateLimited                 // too many attempts; try again later (HTTP 429)
)

func (k Kind) String() string {
	switch k {
	case Invalid:
		return "invalid"
	case Refused:
		return "refused"
	case NotFound:
		return "not found"
	case Conflict:
		return "conflict"
	case Storage:
		return "storage"
	case Unauthenticated:
		return "unauthenticated"
	case Forbidden:
		return "forbidden"
	case RateLimited:
		return "rate limited"
	}
	return "internal"
}

// Error is a domain error with a stable Kind and the operation that failed.
type Error struct {
	Op   string // the operation, e.g. "apply" or "bylaws.parse"
	Kind Kind
	Err  error
}

func (e *Error) Error() string {
	if e.Op == "" {
		return e.Err.Error()
	}
	return e.Op + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// E builds an *Error.
func E(op string, k Kind, format string, args ...any) error {
	return &Error{Op: op, Kind: k, Err: fmt.Errorf(format, args...)}
}

// KindOf returns the Kind of the first *Error in err's chain, or Other.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Other
}
