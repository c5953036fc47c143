package acts

import "context"

// Corporations lists the ids of the corporations in the store, for the
// transports (which never touch the store themselves).
func (s *Service) Corporations(ctx context.Context) ([]string, error) {
	return s.Store.Corporations(ctx)
}
