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
		// Switching employers (a career that moves between a startup and a
		// big company).
		{"boomerang", "Rehires of former employees were 4.3% of US job changes in 2021 (under 2% in 2010); about 15% of surveyed employees had once returned to a former employer, 40% would consider it.", "LinkedIn Economic Graph (reported by Advisory Board, 2022); Kronos/WorkplaceTrends survey of 1,800+ people (2015)"},
		{"acquihire-exit", "33% of people who join a company through the acquisition of their startup leave within 12 months, against 12% of comparable hires; retention bonuses are usually staged over 12, 24 or 36 months.", "J. Daniel Kim (Wharton), \"Predictable Exodus\", US Census data (2019); practitioner legal guidance on retention bonuses"},
		{"layoff-reemploy", "Of laid-off tech workers who found new jobs in 2022, 37% did so within a month and 79% within three months (Revelio Labs: 72% within three months); the market then cooled: US software job postings were 31.4% below their pre-pandemic level in July 2024.", "ZipRecruiter survey (2022, reported by WSJ); Revelio Labs (Business Insider, 2022); Indeed Hiring Lab (2024)"},
		{"layoff-size", "Tech layoffs: about 161,000 in 2022, 262,735 in 2023, 151,484 in 2024 (layoffs.fyi); big-company cuts of 5-13% of the workforce (Microsoft 5%, Google ~6%, Meta ~13%).", "layoffs.fyi via SignalFire (2024) and press (2025); company announcements (2022-2023)"},
		{"equity-grant", "Median four-year grant for a US seed-stage startup's first engineer 1.49%, fifth hire 0.34%.", "Carta data (reported by TechCrunch, 2024)"},
		{"options-exercised", "Only 32.2% of vested, in-the-money option grants were exercised (Q4 2024): many employees who leave let their options lapse.", "Carta, stock options report (2025)"},
		{"founder-strain", "72% of entrepreneurs reported mental-health concerns against 48% of a comparison group; 26% of founders work over 60 hours a week, 7% over 80.", "Freeman et al. (UCSF, 2015; small self-reported sample); survey of 500 UK founders (2017)"},
	}
	out := make(map[string]Source, len(list))
	for _, s := range list {
		out[s.Key] = s
	}
	return out
}
