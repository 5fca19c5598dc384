package commands

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"baogao/export"
	"baogao/model"
	"baogao/msg"
	"baogao/table"
	"baogao/tui/width"
)

// Regions groups reports by place (model.RegionKey), in the order their first report comes;
// reports of no known place are left out.
func Regions(reports []model.Report) (keys []string, groups map[string][]model.Report) {
	groups = map[string][]model.Report{}
	for _, r := range reports {
		k := model.RegionKey(&r)
		if k == "" {
			continue
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	return keys, groups
}

// PanelRow is one region × year × indicator of the panel (docs/panel.md).
type PanelRow struct {
	RegionCode      string   `json:"region_code"`
	Region          string   `json:"region"`
	Province        string   `json:"province"`
	Prefecture      string   `json:"prefecture"`
	Level           string   `json:"level"`
	Year            int      `json:"year"`
	Indicator       string   `json:"indicator"`
	TargetGrowth    *float64 `json:"target_growth"`
	TargetValue     *float64 `json:"target_value"`
	TargetUnit      string   `json:"target_unit"`
	TargetQualifier string   `json:"target_qualifier"`
	TargetStretch   *float64 `json:"target_stretch"`
	ActualGrowth    *float64 `json:"actual_growth"`
	ActualValue     *float64 `json:"actual_value"`
	ActualUnit      string   `json:"actual_unit"`
	Verdict         string   `json:"met"`
	TargetSource    string   `json:"target_source"`
	TargetStart     *int     `json:"target_start"`
	TargetEnd       *int     `json:"target_end"`
	TargetText      string   `json:"target_text"`
	ActualSource    string   `json:"actual_source"`
	ActualStart     *int     `json:"actual_start"`
	ActualEnd       *int     `json:"actual_end"`
	ActualText      string   `json:"actual_text"`
}

var panelColumns = []string{"region_code", "region", "province", "prefecture", "level", "year", "indicator",
	"target_growth", "target_value", "target_unit", "target_qualifier", "target_stretch",
	"actual_growth", "actual_value", "actual_unit", "met",
	"target_source", "target_start", "target_end", "target_text", "actual_source", "actual_start", "actual_end", "actual_text"}

// cells are the row's values in the order of panelColumns: numbers as numbers, nil for none.
func (p PanelRow) cells() []any {
	num := func(i *int) any {
		if i == nil {
			return nil
		}
		return *i
	}
	return []any{p.RegionCode, p.Region, p.Province, p.Prefecture, p.Level, p.Year, p.Indicator,
		cellOf(p.TargetGrowth), cellOf(p.TargetValue), p.TargetUnit, p.TargetQualifier, cellOf(p.TargetStretch),
		cellOf(p.ActualGrowth), cellOf(p.ActualValue), p.ActualUnit, p.Verdict,
		p.TargetSource, num(p.TargetStart), num(p.TargetEnd), p.TargetText, p.ActualSource, num(p.ActualStart), num(p.ActualEnd), p.ActualText}
}

// panelSheet is the panel as a sheet.
func panelSheet(rows []PanelRow) export.Sheet {
	s := export.Sheet{Name: "panel", Header: panelColumns}
	for _, p := range rows {
		s.Rows = append(s.Rows, p.cells())
	}
	return s
}

// csv is the row as CSV writes it: numbers in their shortest exact form, "" for none.
func (p PanelRow) csv() []string {
	var out []string
	for _, v := range p.cells() {
		switch v := v.(type) {
		case nil:
			out = append(out, "")
		case float64:
			out = append(out, export.Num(&v))
		case int:
			out = append(out, strconv.Itoa(v))
		case string:
			out = append(out, v)
		}
	}
	return out
}

// Panel is every region's timeline as tidy rows: one per region × year × indicator that has a
// target or an actual, regions in the order of their first report, years ascending.
func Panel(reports []model.Report) []PanelRow {
	keys, groups := Regions(reports)
	var out []PanelRow
	for _, k := range keys {
		rs := groups[k]
		tl := model.Track(rs)
		first := rs[0]
		for _, row := range tl.Rows {
			for _, c := range row.Cells {
				if c.Target == nil && c.Actual == nil {
					continue
				}
				p := PanelRow{RegionCode: first.RegionCode, Region: first.Region, Province: first.Province, Prefecture: first.Prefecture,
					Level: first.Level, Year: c.Year, Indicator: row.Name, Verdict: string(c.Verdict)}
				if t := c.Target; t != nil {
					p.TargetGrowth, p.TargetValue, p.TargetUnit, p.TargetQualifier, p.TargetStretch = t.Growth, t.Value, t.Unit, t.Qualifier, t.Stretch
					p.TargetSource, p.TargetStart, p.TargetEnd, p.TargetText = rs[c.TargetOf].Source, &t.Start, &t.End, t.Text
				}
				if a := c.Actual; a != nil {
					p.ActualGrowth, p.ActualValue, p.ActualUnit = a.Growth, a.Value, a.Unit
					p.ActualSource, p.ActualStart, p.ActualEnd, p.ActualText = rs[c.ActualOf].Source, &a.Start, &a.End, a.Text
				}
				out = append(out, p)
			}
		}
	}
	return out
}

func (c *cli) cmdPanel(args []string, stdout, stderr io.Writer) int {
	fs := c.newFlags("panel", c.lang.T("usage.panel"), stderr)
	format := fs.String("format", "csv", c.lang.T("flag.format-panel"))
	bom := c.bomFlag(fs)
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if !c.oneOf(stderr, "panel", *format, "csv", "json", "xlsx") || *format == "xlsx" && !c.xlsxOut(stdout, stderr, "panel") {
		return exitUsage
	}
	res := c.load(fs.Args(), stderr)
	if c.env.Remote != nil {
		res = relativeSources(res, c.env.Remote.Roots)
	}
	if len(res.Reports) == 0 {
		fmt.Fprintln(stderr, "baogao panel: "+c.lang.T("cli.nothing-loaded"))
		return exitEmpty
	}
	rows := Panel(res.Reports)
	if *format == "json" {
		if rows == nil {
			rows = []PanelRow{}
		}
		writeDoc(stdout, "panel", rows)
		return exitOK
	}
	if *format == "xlsx" {
		if err := export.WriteXLSX(stdout, []export.Sheet{panelSheet(rows)}); err != nil {
			fmt.Fprintln(stderr, "baogao panel: "+c.lang.Err(err))
			return exitEmpty
		}
		return exitOK
	}
	cw := csv.NewWriter(csvOut(stdout, *bom))
	cw.Write(panelColumns)
	for _, r := range rows {
		cw.Write(r.csv())
	}
	cw.Flush()
	return exitOK
}

func (c *cli) cmdTrack(args []string, stdout, stderr io.Writer) int {
	fs := c.newFlags("track", c.lang.T("usage.track"), stderr)
	format := fs.String("format", "table", c.lang.T("flag.format-table"))
	bom := c.bomFlag(fs)
	eastAsian := fs.Bool("east-asian-width", os.Getenv("RUNEWIDTH_EASTASIAN") == "1", c.lang.T("flag.east-asian-width"))
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if !c.oneOf(stderr, "track", *format, "table", "csv", "json") {
		return exitUsage
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fmt.Fprintln(stderr, "baogao track: "+c.lang.T("cli.track-query"))
		return exitUsage
	}
	query, rest := rest[0], rest[1:]
	indicator := ""
	if len(rest) > 0 {
		if _, err := os.Stat(rest[0]); err != nil {
			indicator, rest = rest[0], rest[1:]
		}
	}
	res := c.load(rest, stderr)
	if c.env.Remote != nil {
		res = relativeSources(res, c.env.Remote.Roots)
	}
	if len(res.Reports) == 0 {
		fmt.Fprintln(stderr, "baogao track: "+c.lang.T("cli.nothing-loaded"))
		return exitEmpty
	}
	_, groups := Regions(res.Reports)
	var keys []string
	seen := map[string]bool{}
	for _, r := range matchReports(res.Reports, query) {
		if k := model.RegionKey(&r); k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		fmt.Fprintln(stderr, "baogao track: "+c.lang.T("cli.no-match", query))
		return exitOK
	}
	wantRow := func(name string) bool {
		if indicator == "" {
			return true
		}
		if canon, ok := model.CanonicalName(indicator); ok {
			return name == canon
		}
		return strings.Contains(name, indicator)
	}
	var panel []PanelRow
	for _, k := range keys {
		for _, p := range Panel(groups[k]) {
			if wantRow(p.Indicator) {
				panel = append(panel, p)
			}
		}
	}
	switch *format {
	case "json":
		if panel == nil {
			panel = []PanelRow{}
		}
		writeDoc(stdout, "track", panel)
	case "csv":
		cw := csv.NewWriter(csvOut(stdout, *bom))
		cw.Write(panelColumns)
		for _, r := range panel {
			cw.Write(r.csv())
		}
		cw.Flush()
	default:
		termW, isTerm := terminal(stdout)
		m := width.NewMeasure(*eastAsian)
		for n, k := range keys {
			if n > 0 {
				io.WriteString(stdout, "\n")
			}
			rs := groups[k]
			fmt.Fprintln(stdout, rs[0].RegionLabel(c.lang)+"  "+c.lang.T("track.rule"))
			io.WriteString(stdout, trackTable(c.lang, model.Track(rs), wantRow, m, termW, colour(isTerm)))
		}
	}
	return exitOK
}

func trackTable(l msg.Lang, tl model.Timeline, want func(string) bool, m width.Measure, termW int, useColour bool) string {
	t := table.Table{Columns: []table.Column{{Head: l.T("col.indicator"), Max: 16, Min: 4}}}
	for _, y := range tl.Years {
		t.Columns = append(t.Columns, table.Column{Head: strconv.Itoa(y)})
	}
	for _, row := range tl.Rows {
		if !want(row.Name) {
			continue
		}
		cells := []string{row.Name}
		for _, c := range row.Cells {
			cells = append(cells, c.Text())
		}
		t.Rows = append(t.Rows, cells)
	}
	return t.Render(m, termW, useColour)
}
