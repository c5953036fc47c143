package corp

// Capacity is the capacity in which an actor acts.
type Capacity string

// The capacities.
const (
	AsSecretary          Capacity = "secretary"
	AsAssistantSecretary Capacity = "assistant_secretary"
	AsPresident          Capacity = "president"
	AsVicePresident      Capacity = "vice_president"
	AsTreasurer          Capacity = "treasurer"
	AsAssistantTreasurer Capacity = "assistant_treasurer"
	AsBoard              Capacity = "board"
	AsCommittee          Capacity = "committee"
	AsStockholders       Capacity = "stockholders"
	AsHolder             Capacity = "holder" // a holder of record acting for themself
	AsDirector           Capacity = "director"
	AsInspector          Capacity = "inspector"
	AsIncorporator       Capacity = "incorporator"
	AsTransferAgent      Capacity = "transfer_agent"
)

// Capacities lists every Capacity in a stable order.
var Capacities = []Capacity{AsSecretary, AsAssistantSecretary, AsPresident, AsVicePresident, AsTreasurer, AsAssistantTreasurer, AsBoard, AsCommittee, AsStockholders, AsHolder, AsDirector, AsInspector, AsIncorporator, AsTransferAgent}

// ParseCapacity returns the Capacity named s.
func ParseCapacity(s string) (Capacity, error) { return parseEnum(s, Capacities, "a capacity") }

// Actor is who performs an act and in what capacity. Person is empty for a
// body (the board, the stockholders).
type Actor struct {
	Person   string
	Capacity Capacity
}

func (a Actor) String() string {
	if a.Person == "" {
		return string(a.Capacity)
	}
	return a.Person + " (" + string(a.Capacity) + ")"
}

// UnmarshalText implements encoding.TextUnmarshaler, accepting only a known capacity.
func (c *Capacity) UnmarshalText(b []byte) error {
	v, err := ParseCapacity(string(b))
	if err == nil {
		*c = v
	}
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (c Capacity) MarshalText() ([]byte, error) { return []byte(c), nil }

// Expect says what a capacity field expects.
func (*Capacity) Expect() string { return "a capacity (one of " + joinKinds(Capacities) + ")" }

// JSONSchema describes a capacity in JSON Schema.
func (*Capacity) JSONSchema() map[string]any { return enumSchema(Capacities) }

func enumSchema[T ~string](ks []T) map[string]any {
	e := make([]any, len(ks))
	for i, k := range ks {
		e[i] = string(k)
	}
	return map[string]any{"type": "string", "enum": e}
}
