// Package gen generates a corporation's history for load tests and
// benchmarks: a seeded, deterministic stream of typed acts (person.add,
// stock.issue, stock.transfer, stock.repurchase, stock.retire) applied
// through the one act path, acts.Service.Apply, in atomic batches and in
// effective-date order.
//
// It imports acts, corp and the standard library; never a store or a
// transport (the composition root or a test chooses the store).
package gen
