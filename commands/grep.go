package commands

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"baogao/loader"
	"baogao/model"
	"baogao/msg"
	"baogao/search"
	"baogao/table"
	"baogao/tui/width"
)

// Texts gives report i's full text: in memory, kept beside the parse cache (loader.Bodies), or,
// when neither has it, read from its file again (and kept for the next time).
func Texts(reports []model.Report, bodies *loader.Bodies, fsys func(*model.Report) (string, error)) func(int) (string, bool) {
	return func(i int) (string, bool) {
		r := &reports[i]
		if s, ok := loader.Body(bodies, r); ok {
			return s, true
		}
		s, err := fsys(r)
		if err != nil {
			return "", false
		}
		bodies.Put(r.Hash, s)
		return s, true
	}
}

// grepCount is one group of the term's counts: a year or a region.
type grepCount struct {
	Key     string  `json:"key"`
	Reports int     `json:"reports"`      // reports of the group
	With    int     `json:"with_term"`    // reports holding the term
	Hits    int     `json:"hits"`         // sentences holding it
	PerRep  float64 `json:"per_report"`   // hits per report of the group
	Share   float64 `json:"share_with"`   // share of the group's reports holding it
	First   string  `json:"first_report"` // the first report holding it, by id
}

func (c *cli) cmdGrep(args []string, stdout, stderr io.Writer) int {
	fs := c.newFlags("grep", c.lang.T("usage.grep"), stderr)
	by := fs.String("by", "year", c.lang.T("flag.grep-by"))
	format := fs.String("format", "table", c.lang.T("flag.format-table"))
	stats := fs.Bool("stats", false, c.lang.T("flag.grep-stats"))
	bom := c.bomFlag(fs)
	eastAsian := fs.Bool("east-asian-width", os.Getenv("RUNEWIDTH_EASTASIAN") == "1", c.lang.T("flag.east-asian-width"))
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if !c.oneOf(stderr, "grep", *by, "year", "region") || !c.oneOf(stderr, "grep", *format, "table", "csv", "json") {
		return exitUsage
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fmt.Fprintln(stderr, "baogao grep: "+c.lang.T("cli.grep-term"))
		return exitUsage
	}
	q := search.Parse(rest[0])
	var bodies *loader.Bodies
	res := c.loadWith(rest[1:], stderr, func(o *loader.Options) { bodies = withBodies(o) })
	if len(res.Reports) == 0 {
		fmt.Fprintln(stderr, "baogao grep: "+c.lang.T("cli.nothing-loaded"))
		return exitEmpty
	}
	start := time.Now()
	var mu sync.Mutex
	var found []search.Result
	q.Scan(len(res.Reports), runtime.GOMAXPROCS(0), Texts(res.Reports, bodies, ReadBody), func() bool { return false }, func(rs []search.Result) {
		mu.Lock()
		found = append(found, rs...)
		mu.Unlock()
	})
	took := time.Since(start)
	if err := bodies.Flush(); err != nil { // the texts read again from their files, for the next time
		fmt.Fprintln(stderr, "baogao grep: "+c.lang.T("cache.bodies-unsaved", err))
	}
	bodies.Compact(res.Reports) // texts of files changed since go, once they are most of it
	if *stats {
		fmt.Fprintln(stderr, c.lang.T("grep.stats", len(res.Reports), float64(took.Microseconds())/1000, len(found)))
	}
	slices.SortFunc(found, func(a, b search.Result) int { return a.Index - b.Index })
	counts := groupCounts(c.lang, res.Reports, found, *by)
	switch *format {
	case "json":
		writeDoc(stdout, "grep", counts)
	case "csv":
		cw := csv.NewWriter(csvOut(stdout, *bom))
		cw.Write([]string{"key", "reports", "with_term", "hits", "per_report", "share_with", "first_report"})
		for _, g := range counts {
			cw.Write([]string{g.Key, strconv.Itoa(g.Reports), strconv.Itoa(g.With), strconv.Itoa(g.Hits), strconv.FormatFloat(g.PerRep, 'f', 3, 64), strconv.FormatFloat(g.Share, 'f', 3, 64), g.First})
		}
		cw.Flush()
	default:
		head := c.lang.T("col.year")
		if *by == "region" {
			head = c.lang.T("col.region")
		}
		t := table.Table{Columns: []table.Column{{Head: head}, {Head: c.lang.T("col.reports"), Right: true}, {Head: c.lang.T("col.with-term"), Right: true}, {Head: c.lang.T("col.hits"), Right: true}, {Head: c.lang.T("col.per-report"), Right: true}, {Head: c.lang.T("col.bar")}}}
		top := 0.0
		for _, g := range counts {
			top = max(top, g.PerRep)
		}
		for _, g := range counts {
			bar := ""
			if top > 0 {
				bar = bars(g.PerRep / top * 30)
			}
			t.Rows = append(t.Rows, []string{g.Key, strconv.Itoa(g.Reports), strconv.Itoa(g.With), strconv.Itoa(g.Hits), strconv.FormatFloat(g.PerRep, 'f', 2, 64), bar})
		}
		termW, isTerm := terminal(stdout)
		io.WriteString(stdout, t.Render(width.NewMeasure(*eastAsian), termW, colour(isTerm)))
	}
	return exitOK
}

func bars(n float64) string {
	k := int(n + 0.5)
	if n > 0 && k == 0 {
		k = 1
	}
	s := ""
	for i := 0; i < k; i++ {
		s += "█"
	}
	return s
}

// groupCounts counts hits by year (every year of the corpus, ascending, those without a hit too)
// or by region (those with a hit, most first).
func groupCounts(l msg.Lang, reports []model.Report, found []search.Result, by string) []grepCount {
	key := func(r *model.Report) string {
		if by == "region" {
			return r.RegionLabel(l)
		}
		if r.Year == 0 {
			return "?"
		}
		return strconv.Itoa(r.Year)
	}
	groups := map[string]*grepCount{}
	var order []string
	for i := range reports {
		k := key(&reports[i])
		if groups[k] == nil {
			groups[k] = &grepCount{Key: k}
			order = append(order, k)
		}
		groups[k].Reports++
	}
	for _, f := range found {
		g := groups[key(&reports[f.Index])]
		g.With++
		g.Hits += f.Count
		if g.First == "" {
			g.First = reports[f.Index].ID
		}
	}
	var out []grepCount
	for _, k := range order {
		g := groups[k]
		if by == "region" && g.With == 0 {
			continue
		}
		g.PerRep = float64(g.Hits) / float64(g.Reports)
		g.Share = float64(g.With) / float64(g.Reports)
		out = append(out, *g)
	}
	slices.SortStableFunc(out, func(a, b grepCount) int {
		if by == "region" {
			return b.Hits - a.Hits
		}
		// years ascending (four digits each), the unknown year last
		unknown := func(k string) int {
			if k == "?" {
				return 1
			}
			return 0
		}
		if c := cmp.Compare(unknown(a.Key), unknown(b.Key)); c != 0 {
			return c
		}
		return cmp.Compare(a.Key, b.Key)
	})
	if out == nil {
		out = []grepCount{}
	}
	return out
}
