//go:build ncruces

package sqlitedrivers

import _ "github.com/ncruces/go-sqlite3/driver"
import _ "github.com/ncruces/go-sqlite3/embed"

func init() {
	drivers = append(drivers, drvT{"ncruces", "sqlite3", "file:%s?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"})
}
