package web

import "net/http"

// secretaryRoutes registers the pages of the secretary's side: the
// dashboard, the cap table, holders and certificates, meetings, the board
// and the journal browser.
func (a *App) secretaryRoutes(mux *http.ServeMux) {}
