package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/user"
	"sort"
	"strconv"
	"strings"

	"baogao/loader/state"
	"baogao/model"
	"baogao/tui/width"
)

// openState opens the review state at path, or at the default place for these corpus roots.
func (c *cli) openState(path string, roots []string) (*state.Store, error) {
	if c.served != nil && c.store == nil {
		// over SSH a session reads only its user's state; never the operator's for these roots
		if c.storeErr != nil {
			return nil, fmt.Errorf("your review state could not be opened: %v", c.storeErr)
		}
		return nil, fmt.Errorf("your review state could not be opened")
	}
	if c.store != nil {
		if path != "" {
			return nil, fmt.Errorf("--state is not taken over SSH")
		}
		return c.store, nil
	}
	if path == "" {
		p, err := state.DefaultPath(roots)
		if err != nil {
			return nil, err
		}
		path = p
	}
	return state.Open(path)
}

// reviewer names who makes changes in this process.
func reviewer() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// reviewRow is one report's review in `baogao review` and in `export`.
type reviewRow struct {
	ID       string       `json:"id"`
	Region   string       `json:"region"`
	Year     int          `json:"year"`
	Reviewed bool         `json:"reviewed"`
	Stale    bool         `json:"stale"`   // the report's text changed since the review
	Missing  bool         `json:"missing"` // the review's report is not among those loaded
	Stars    []string     `json:"stars"`
	Flags    []model.Flag `json:"flags"`
	Notes    []model.Note `json:"notes"`
}

func rowOf(r *model.Report, rv *model.Review, stale bool) reviewRow {
	row := reviewRow{ID: r.ID, Region: r.Region, Year: r.Year, Stale: stale, Stars: []string{}, Flags: []model.Flag{}, Notes: []model.Note{}}
	if rv != nil {
		row.Reviewed, row.Stars, row.Flags, row.Notes = rv.Reviewed, rv.Stars, rv.Flags, rv.Notes
	}
	return row
}

// reviewRows lists every loaded report's review, then the reviews whose reports were not loaded.
func reviewRows(reports []model.Report, st *model.ReviewState) []reviewRow {
	var rows []reviewRow
	used := map[string]bool{}
	for i := range reports {
		rv, stale := st.Find(&reports[i])
		if rv != nil {
			used[rv.Hash] = true
		}
		rows = append(rows, rowOf(&reports[i], rv, stale))
	}
	var orphans []*model.Review
	for h, rv := range st.Reviews {
		if !used[h] {
			orphans = append(orphans, rv)
		}
	}
	sort.Slice(orphans, func(i, j int) bool { return orphans[i].ID < orphans[j].ID })
	for _, rv := range orphans {
		row := rowOf(&model.Report{ID: rv.ID, Region: rv.Region, Year: rv.Year}, rv, false)
		row.Missing = true
		rows = append(rows, row)
	}
	return rows
}

const reviewUsage = `Usage: baogao review [--state PATH] [--format table|csv|json] [PATH...]

Lists the review state of the reports in PATH (none: the embedded sample): per report whether it
is reviewed, its stars, flags with reasons and notes. Reviews of reports that are not loaded are
listed too (missing), and reviews of reports whose text changed are marked stale.

`

func (c *cli) cmdReview(args []string, stdout, stderr io.Writer) int {
	fs := c.newFlags("review", reviewUsage, stderr)
	format := fs.String("format", "table", "output format: table, csv or json")
	statePath := fs.String("state", "", "review state file (default: one per corpus in the XDG state folder)")
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if !c.localState(stderr, "review", *statePath) || !oneOf(stderr, "review", *format, "table", "csv", "json") {
		return exitUsage
	}
	res := c.load(fs.Args(), stderr)
	st, err := c.openState(*statePath, fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "baogao review: %v\n", err)
		return exitEmpty
	}
	for _, n := range st.Notices() {
		fmt.Fprintf(stderr, "baogao review: %s\n", n)
	}
	rows := reviewRows(res.Reports, st.State())
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		enc.Encode(map[string]any{"reports": rows})
	case "csv":
		cw := csv.NewWriter(stdout)
		cw.Write([]string{"id", "region", "year", "reviewed", "stale", "missing", "stars", "flags", "notes"})
		for _, r := range rows {
			cw.Write([]string{r.ID, r.Region, strconv.Itoa(r.Year), strconv.FormatBool(r.Reviewed), strconv.FormatBool(r.Stale), strconv.FormatBool(r.Missing),
				strings.Join(r.Stars, "; "), joinFlags(r.Flags), joinNotes(r.Notes)})
		}
		cw.Flush()
	default:
		termW, _ := terminal(stdout)
		m := width.Narrow()
		for _, r := range rows {
			mark := " "
			switch {
			case r.Missing:
				mark = "-"
			case r.Stale:
				mark = "?"
			case r.Reviewed:
				mark = "✓"
			}
			region := r.Region
			if region == "" {
				region = model.UnknownRegion
			}
			ln := fmt.Sprintf("%s %s  %s  %s", mark, m.PadRight(r.ID, 24), m.PadRight(region, 8), year(r.Year))
			if len(r.Stars) > 0 {
				ln += fmt.Sprintf("  *%d", len(r.Stars))
			}
			if len(r.Flags) > 0 {
				ln += "  标错：" + joinFlags(r.Flags)
			}
			if len(r.Notes) > 0 {
				ln += "  笔记：" + joinNotes(r.Notes)
			}
			if termW > 0 {
				ln = m.Truncate(ln, termW, "…")
			}
			fmt.Fprintln(stdout, ln)
		}
	}
	if len(res.Reports) == 0 {
		return exitEmpty
	}
	return exitOK
}

func joinFlags(fs []model.Flag) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Target+"："+f.Reason)
	}
	return strings.Join(out, "; ")
}

func joinNotes(ns []model.Note) string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Target+"："+strings.Join(strings.Fields(n.Text), " "))
	}
	return strings.Join(out, "; ")
}
