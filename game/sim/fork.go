package sim

// Fork returns an independent copy of the run whose luck from now on is
// drawn from seed instead of the run's own seed.
//
// Everything already decided is kept: the months played, the picks, the
// stats, and the card on the table now (it was drawn before the fork).
// Every draw after the fork uses seed: the outcome of the pick made next,
// raises, calibrations and contests resolved this month, and all later
// cards. Because the rules draw from (seed, month, stream, draw) and keep no
// generator state, replaying a prefix with the original seed and then
// forking is the only way to explore many futures of one past: a run
// created with another seed would have had another past.
//
// Fork(r's own seed) is an exact copy that plays on exactly as r would.
// A fork with a new seed is a counterfactual, not a replayable run: its
// State().Seed is the new seed, so its Code does not replay it. The what-if
// analysis and the bots use forks; saves and history must not.
func (r *Run) Fork(seed uint64) *Run {
	st := r.st.Clone()
	st.Seed = seed
	return attach(r.sc, st)
}
