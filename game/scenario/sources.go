package scenario

// CalibrationSources are the cited real-world figures scenarios may refer
// to by key (from the project's calibration list). A scenario may add its
// own under [sources].
func CalibrationSources() map[string]Source {
	list := []Source{
		{"vc-return", "About 75% of VC-backed startups do not return investors' capital; 30-40% liquidate outright.", "Shikhar Ghosh (Harvard Business School), 2,000+ companies with at least $1M venture funding, 2004-2010 (WSJ/HBS, 2012)"},
		{"vc-multiples", "65% of venture financings returned less than 1x; about 4% returned 10x or more.", "Correlation Ventures, 21,000 financings 2004-2013"},
		{"seed-claim", "\"Approximately 90% of startups fail to offer a positive return to investors.\"", "The source text (ML Team Leader Q&A); higher than the studies, an upper bound"},
		{"funnel-cbi", "Of 1,098 US tech companies that raised a seed round in 2008-2010, 46% raised a second round and 14% a fourth.", "CB Insights, Venture Capital Funnel"},
		{"funnel-carta", "US startups founded in 2018, at 2025-01-01: 56.4% raised a seed, 36.4% a Series A, 14.8% a B, 4.4% a C; 61.9% had closed; 1.3% became unicorns.", "Carta data (summarised by Duet Partners, 2025)"},
		{"seed-to-a", "Median time from seed to Series A: 774 days in Q4 2024 (420 days in Q4 2021). Usual advice: raise 18-24 months of runway.", "Carta, Time between VC rounds (2024)"},
		{"failure-reasons", "Top reasons in startup post-mortems: no market need 42%, ran out of cash 29%.", "CB Insights post-mortem analysis (2014)"},
		{"bls-survival", "New US establishments: 79.6% survive 1 year, 49.6% 5 years, 33.6% 10 years.", "US Bureau of Labor Statistics, 1994 cohort"},
		{"ladder-pace", "Big-tech ladders: new grad to senior typically takes 4-5 years; some expect E3->E4 within ~24 months and E4->E5 within ~33 (up-or-out); senior is often terminal.", "Practitioner promotion guides and engineering-career blogs; not official policy"},
		{"ai-projects", "More than 80% of AI projects fail, about twice the rate of other IT projects. The popular \"87% never reach production\" figure is disputed.", "RAND, RR-A2680-1 (2024)"},
		{"team-ratio", "MLOps engineers to scientists about 2:1: a junior for execution, a senior to train juniors and work with scientists.", "The source text (ML Team Leader Q&A)"},
	}
	out := make(map[string]Source, len(list))
	for _, s := range list {
		out[s.Key] = s
	}
	return out
}
