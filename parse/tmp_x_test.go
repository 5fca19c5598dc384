package parse

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestParseFixedX(t *testing.T) {
	files, _ := filepath.Glob("/tmp/c10k/0[0-2]*.txt")
	var xs, ys []float64
	for _, f := range files {
		d, _ := os.ReadFile(f)
		Parse(f, d)
		best := time.Hour
		for k := 0; k < 5; k++ {
			t0 := time.Now()
			Parse(f, d)
			best = min(best, time.Since(t0))
		}
		xs = append(xs, float64(len(d)))
		ys = append(ys, float64(best.Microseconds()))
	}
	var sx, sy, sxx, sxy float64
	n := float64(len(xs))
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
		sxx += xs[i] * xs[i]
		sxy += xs[i] * ys[i]
	}
	b := (n*sxy - sx*sy) / (n*sxx - sx*sx)
	a := (sy - b*sx) / n
	t.Logf("fixed %.0f µs per report, %.1f ns/B; mean size %.0f, mean time %.0f µs", a, b*1000, sx/n, sy/n)
}

func BenchmarkSmallX(b *testing.B) {
	files, _ := filepath.Glob("/tmp/c10k/*.txt")
	var data [][]byte
	var names []string
	var size int64
	for _, f := range files {
		st, _ := os.Stat(f)
		if st.Size() < 7000 {
			d, _ := os.ReadFile(f)
			data = append(data, d)
			names = append(names, f)
			size += int64(len(d))
		}
		if len(data) == 300 {
			break
		}
	}
	b.SetBytes(size)
	for b.Loop() {
		for i, d := range data {
			Parse(names[i], d)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(data)), "µs/report")
}
