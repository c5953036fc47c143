package bylaws

import (
	_ "embed"
	"slices"
	"sync"
)

// The Quintus Corporation bylaws (Amended and Restated, adopted by the Board
// on 2 September 1999), as a bylaws file whose text field carries the bylaws
// verbatim.
//
//go:embed quintus/bylaws.yaml
var quintusSource []byte

// QuintusSource returns a copy of the embedded Quintus bylaws file.
func QuintusSource() []byte { return slices.Clone(quintusSource) }

var quintus = sync.OnceValue(func() *Rulebook {
	rb, err := Parse("quintus/bylaws.yaml", quintusSource)
	if err != nil {
		panic("bylaws: the embedded Quintus bylaws do not parse: " + err.Error())
	}
	return rb
})

// Quintus returns the embedded Quintus bylaws, parsed once. The tests
// guarantee that the embedded file parses.
func Quintus() *Rulebook { return quintus() }
