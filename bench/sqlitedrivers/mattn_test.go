//go:build mattn

package sqlitedrivers

import _ "github.com/mattn/go-sqlite3"

func init() {
	drivers = append(drivers, drvT{"mattn", "sqlite3", "file:%s?_journal_mode=WAL&_synchronous=FULL&_txlock=immediate"})
}
