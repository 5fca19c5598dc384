package commands

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/term"

	"baogao/export"
	"baogao/match"
	"baogao/model"
	"baogao/msg"
	"baogao/table"
	"baogao/tui/width"
)

// targetRow is one plan-year target of one report, for every output format.
type targetRow struct {
	ID     string `json:"id"`
	Region string `json:"region"`
	Year   int    `json:"year"`
	Title  string `json:"title"`
	model.Indicator
}

func (c *cli) cmdTargets(args []string, stdout, stderr io.Writer) int {
	fs := c.newFlags("targets", c.lang.T("usage.targets"), stderr)
	format := fs.String("format", "table", c.lang.T("flag.format-xlsx"))
	bom := c.bomFlag(fs)
	eastAsian := fs.Bool("east-asian-width", os.Getenv("RUNEWIDTH_EASTASIAN") == "1", c.lang.T("flag.east-asian-width"))
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if !c.oneOf(stderr, "targets", *format, "table", "csv", "json", "xlsx") || *format == "xlsx" && !c.xlsxOut(stdout, stderr, "targets") {
		return exitUsage
	}
	rest := fs.Args()
	query := ""
	// The first argument is the query unless it names something on disk.
	if len(rest) > 0 {
		if _, err := os.Stat(rest[0]); err != nil {
			query, rest = rest[0], rest[1:]
		}
	}
	res := c.load(rest, stderr)
	if len(res.Reports) == 0 {
		fmt.Fprintln(stderr, "baogao targets: "+c.lang.T("cli.nothing-loaded"))
		return exitEmpty
	}
	reports := matchReports(res.Reports, query)
	if len(reports) == 0 {
		fmt.Fprintln(stderr, "baogao targets: "+c.lang.T("cli.no-match", query))
	}
	var rows []targetRow
	for _, r := range reports {
		for _, in := range r.Targets() {
			rows = append(rows, targetRow{r.ID, r.Region, r.Year, r.Title, in})
		}
	}
	switch *format {
	case "json":
		if rows == nil {
			rows = []targetRow{}
		}
		writeDoc(stdout, "targets", rows)
	case "csv":
		cw := csv.NewWriter(csvOut(stdout, *bom))
		cw.Write(targetColumns)
		for _, t := range rows {
			cw.Write([]string{t.ID, t.Region, strconv.Itoa(t.Year), t.Name, t.RawName, export.Num(t.Growth), export.Num(t.Value), t.Unit, t.Qualifier, export.Num(t.Stretch), t.Text})
		}
		cw.Flush()
	case "xlsx":
		sheet := export.Sheet{Name: "targets", Header: targetColumns}
		for _, t := range rows {
			sheet.Rows = append(sheet.Rows, []any{t.ID, t.Region, t.Year, t.Name, t.RawName, cellOf(t.Growth), cellOf(t.Value), t.Unit, t.Qualifier, cellOf(t.Stretch), t.Text})
		}
		if err := export.WriteXLSX(stdout, []export.Sheet{sheet}); err != nil {
			fmt.Fprintln(stderr, "baogao targets: "+c.lang.Err(err))
			return exitEmpty
		}
	default:
		if len(reports) == 0 {
			break // said on stderr; an empty table is no answer
		}
		w, isTerm := terminal(stdout)
		m := width.NewMeasure(*eastAsian)
		io.WriteString(stdout, targetsTable(c.lang, reports, m, w, colour(isTerm)))
	}
	return exitOK
}

// matchReports keeps the reports whose region or title matches the query, best match first.
func matchReports(reports []model.Report, query string) []model.Report {
	if strings.TrimSpace(query) == "" {
		return reports
	}
	var py match.Readings
	type hit struct {
		r              model.Report
		score, penalty int
	}
	var hits []hit
	q := match.ParseQuery(query)
	for i, key := range py.ReportKeys(reports) {
		if s, p, ok := key.Score(q); ok { // the list's ranking, so both find the same first
			hits = append(hits, hit{reports[i], s, p})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].penalty < hits[j].penalty
	})
	// A lookup answers with the best kind of match only: "ca" means 长安, not every title with a
	// c and an a somewhere in it.
	var out []model.Report
	for _, h := range hits {
		if h.score == hits[0].score {
			out = append(out, h.r)
		}
	}
	return out
}

// terminal returns the width to fit (0: not a terminal, do not fit) and whether w is a terminal.
func terminal(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0, false
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		cols = 0
	}
	return cols, true
}

// colour reports whether to colour output: on a terminal, unless NO_COLOR is set.
func colour(isTerm bool) bool {
	_, no := os.LookupEnv("NO_COLOR")
	return isTerm && !no
}

// targetsTable lays the targets out in columns measured in display cells, one block per report;
// the source text column takes what is left of the width and is cut, never wrapped.
func targetsTable(l msg.Lang, reports []model.Report, m width.Measure, termWidth int, useColour bool) string {
	t := table.Table{
		Columns: []table.Column{{Head: l.T("col.region")}, {Head: l.T("col.year")}, {Head: l.T("col.indicator"), Max: 24, Min: 4}, {Head: l.T("col.target")}, {Head: l.T("col.source-text"), Min: 6, Drop: true}},
		GiveWay: []int{4, 2}, // the source first (dropped when it cannot show six cells), then the name
	}
	for _, r := range reports {
		region := r.RegionLabel(l)
		ts := r.Targets()
		if len(ts) == 0 {
			t.Rows = append(t.Rows, []string{region, year(r.Year), l.T("targets.none"), "", ""})
		}
		for _, in := range ts {
			t.Rows = append(t.Rows, []string{region, year(r.Year), in.Name, in.Figure(), in.Text})
		}
	}
	return t.Render(m, termWidth, useColour)
}

func year(y int) string {
	if y == 0 {
		return "?"
	}
	return strconv.Itoa(y)
}

// writeDoc prints {"key": v} as the JSON outputs of the commands are: indented by one space,
// Chinese and <>& as they are.
func writeDoc(w io.Writer, key string, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	enc.Encode(map[string]any{key: v})
}

var targetColumns = []string{"id", "region", "year", "name", "raw_name", "growth", "value", "unit", "qualifier", "stretch", "text"}

// cellOf is a figure as a sheet's cell: a number, or empty.
func cellOf(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}
