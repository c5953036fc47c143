package web

import "net/http"

// portalRoutes registers the stockholder and director portals and the
// inspector's pages.
func (a *App) portalRoutes(mux *http.ServeMux) {}
