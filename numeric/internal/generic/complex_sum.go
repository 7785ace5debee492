package generic

// sum3 is the sum of five terms by Ogita, Rump and Oishi's SumK with K = 3 (two
// error-free passes of Knuth's two-sum, then the plain sum): as accurate as a sum in
// triple precision rounded once, so x² + y² − 1 from the squares' exact parts keeps
// its relative accuracy even where it cancels to 1e-19 (log of 0.26318685995132945 −
// 0.9647448765082711j was 26 ULPs off with a double-double sum).
func sum3(p ...float64) float64 {
	for range 2 {
		for i := 1; i < len(p); i++ {
			a, b := p[i], p[i-1]
			s := a + b
			bb := s - a
			p[i], p[i-1] = s, (a-(s-bb))+(b-bb)
		}
	}
	s := 0.0
	for _, x := range p[:len(p)-1] {
		s += x
	}
	return s + p[len(p)-1]
}
