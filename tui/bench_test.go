package tui

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baogao/loader"
	"baogao/match"
	"baogao/model"
)

const genCorpus = "../../shared/tools/gen-corpus"

// titleApp builds a browser over n generated titles (gen-corpus --titles), keys prepared as the
// loader's batches prepare them, off the measured path.
func titleApp(b *testing.B, n int) *App {
	if _, err := os.Stat(genCorpus); err != nil {
		b.Skip("gen-corpus not found beside the checkout (../shared/tools)")
	}
	out, err := exec.Command(genCorpus, "--titles", itoa(n)).Output()
	if err != nil {
		b.Skipf("gen-corpus: %v", err)
	}
	a := New(nil, Options{})
	for i, ln := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		region, title, _ := strings.Cut(ln, " ")
		r := model.Report{ID: itoa(i), Region: region, Title: title}
		a.ses.reports = append(a.ses.reports, r)
		a.ses.keys = append(a.ses.keys, a.ses.py.ReportKey(&r))
	}
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return a
}

func itoa(n int) string { return strconv.Itoa(n) }

// benchFilter measures one keystroke: the filter recomputed for the query typed so far.
func benchFilter(b *testing.B, n int, full bool) {
	a := titleApp(b, n)
	queries := []string{"c", "ch", "cha", "chang", "changan", "长", "长安", "ca 2023", "lw"}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		listOf(a).input.SetValue(queries[i%len(queries)])
		if full {
			listOf(a).complete = false
		}
		listOf(a).refilter()
		i++
	}
}

func BenchmarkFilter10k(b *testing.B)  { benchFilter(b, 10000, false) }
func BenchmarkFilter100k(b *testing.B) { benchFilter(b, 100000, false) }

// BenchmarkReportKeys100k prepares the matching keys of 100,000 reports, as the browser does
// for the batches of a large corpus (off the UI goroutine, on every core).
func BenchmarkReportKeys100k(b *testing.B) {
	a := titleApp(b, 100000)
	b.ResetTimer()
	for b.Loop() {
		(&match.Readings{}).ReportKeys(a.ses.reports)
	}
}

// The worst case: every keystroke searches all titles (a pasted query, a deleted letter).
func BenchmarkFilter100kFullScan(b *testing.B) { benchFilter(b, 100000, true) }

func BenchmarkView(b *testing.B) {
	for _, sc := range screens {
		b.Run(sc.name, func(b *testing.B) {
			a := newTestApp(b, 120, 40)
			press(a, sc.keys...)
			for b.Loop() {
				a.render()
			}
		})
	}
}

// BenchmarkFirstFrame10k is the time from starting on a 10,000-report corpus to the first frame
// that lists reports.
func BenchmarkFirstFrame10k(b *testing.B) {
	if _, err := os.Stat(genCorpus); err != nil {
		b.Skip("gen-corpus not found")
	}
	dir := b.TempDir()
	if out, err := exec.Command(genCorpus, "--out", dir, "--reports", "10000").CombinedOutput(); err != nil {
		b.Skipf("gen-corpus: %v %s", err, out)
	}
	b.ResetTimer()
	for b.Loop() {
		ch := loader.Stream(loader.Paths(dir), loader.Options{})
		a := New(ch, Options{})
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		a.Update(waitBatch(ch, a.ses.py)())
		if len(a.ses.reports) == 0 {
			b.Fatal("no reports in the first batch")
		}
		a.render()
		b.StopTimer()
		for range ch { // let the rest finish before the next round
		}
		b.StartTimer()
	}
}
