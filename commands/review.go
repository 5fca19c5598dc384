package commands

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/user"
	"sort"
	"strconv"
	"strings"

	"baogao/export"
	"baogao/model"
	"baogao/review"
	"baogao/table"
	"baogao/tui/width"
)

// openState opens the review state at path, or the user's one state (taking in the per-folder
// states of earlier versions).
func (c *cli) openState(path string) (*review.Store, error) {
	if r := c.env.Remote; r != nil {
		// over SSH a session reads only its user's state; never the operator's
		switch {
		case path != "":
			return nil, fmt.Errorf("--state is not taken over SSH")
		case r.Store != nil:
			return r.Store, nil
		case r.StoreErr != nil:
			return nil, fmt.Errorf("your review state could not be opened: %v", r.StoreErr)
		}
		return nil, fmt.Errorf("your review state could not be opened")
	}
	if path != "" {
		return review.Open(path)
	}
	p, err := review.DefaultPath()
	if err != nil {
		return nil, err
	}
	return review.OpenMerging(p, review.Legacy(p))
}

// reviewer names who makes changes in this process.
func reviewer() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// reviewRows lists every loaded report's review and, with all, the reviews of reports not loaded
// (the state is one for every folder the user browses: most of those are reports of other
// folders, not lost ones). unloaded is how many of those there are.
func reviewRows(reports []model.Report, st *model.ReviewState, all bool) (rows []export.Review, unloaded int) {
	used := map[string]bool{}
	for i := range reports {
		rv, stale := st.Find(&reports[i])
		if rv != nil {
			used[rv.Hash] = true
		}
		rows = append(rows, export.ReviewOf(&reports[i], rv, stale))
	}
	var orphans []*model.Review
	for h, rv := range st.Reviews {
		if !used[h] {
			orphans = append(orphans, rv)
		}
	}
	if !all {
		return rows, len(orphans)
	}
	sort.Slice(orphans, func(i, j int) bool { return orphans[i].ID < orphans[j].ID })
	for _, rv := range orphans {
		row := export.ReviewOf(&model.Report{ID: rv.ID, Region: rv.Region, Year: rv.Year}, rv, false)
		row.Missing = true
		rows = append(rows, row)
	}
	return rows, len(orphans)
}

const reviewUsage = `Usage: baogao review [--all] [--state PATH] [--format table|csv|json] [PATH...]

Lists the review state of the reports in PATH (none: the embedded sample): per report whether it
is reviewed, its stars, flags with reasons and notes. Reviews of reports whose text changed since
are marked stale. The state is one for every folder you browse: --all lists the reviews of
reports not in PATH too (missing).

`

func (c *cli) cmdReview(args []string, stdout, stderr io.Writer) int {
	fs := c.newFlags("review", reviewUsage, stderr)
	format := fs.String("format", "table", "output format: table, csv or json")
	statePath := fs.String("state", "", "review state file (default: yours, one for every folder, in the XDG state folder)")
	all := fs.Bool("all", false, "also list reviews of reports not in PATH")
	eastAsian := fs.Bool("east-asian-width", os.Getenv("RUNEWIDTH_EASTASIAN") == "1", "count ambiguous-width characters (“ ” … ·) as two columns")
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if !c.localState(stderr, "review", *statePath) || !oneOf(stderr, "review", *format, "table", "csv", "json") {
		return exitUsage
	}
	res := c.load(fs.Args(), stderr)
	st, err := c.openState(*statePath)
	if err != nil {
		fmt.Fprintf(stderr, "baogao review: %v\n", err)
		return exitEmpty
	}
	for _, n := range st.Notices() {
		fmt.Fprintf(stderr, "baogao review: %s\n", n)
	}
	rows, unloaded := reviewRows(res.Reports, st.State(), *all)
	switch *format {
	case "json":
		writeDoc(stdout, "reports", rows)
	case "csv":
		cw := csv.NewWriter(stdout)
		cw.Write([]string{"id", "region", "year", "reviewed", "stale", "missing", "stars", "flags", "notes"})
		for _, r := range rows {
			cw.Write([]string{r.ID, r.Region, strconv.Itoa(r.Year), strconv.FormatBool(r.Reviewed), strconv.FormatBool(r.Stale), strconv.FormatBool(r.Missing),
				joinStars(r.Stars), joinFlags(r.Flags), joinNotes(r.Notes)})
		}
		cw.Flush()
	default:
		writeReviewTable(stdout, rows, width.NewMeasure(*eastAsian))
	}
	if unloaded > 0 && !*all {
		fmt.Fprintf(stderr, "baogao review: %d more reviews are of reports not in these folders (--all lists them)\n", unloaded)
	}
	if len(res.Reports) == 0 {
		return exitEmpty
	}
	return exitOK
}

// writeReviewTable prints the reviews as a table with a header: 状态 is ✓ reviewed, ? stale (the
// text changed since), - missing (the report is not loaded).
func writeReviewTable(stdout io.Writer, rows []export.Review, m width.Measure) {
	t := table.Table{
		Columns: []table.Column{{Head: "状态"}, {Head: "报告", Max: 32, Min: 8}, {Head: "地区"}, {Head: "年份"}, {Head: "星标", Right: true}, {Head: "标错与笔记"}},
		GiveWay: []int{1},
	}
	for _, r := range rows {
		mark := ""
		switch {
		case r.Missing:
			mark = "-"
		case r.Stale:
			mark = "?"
		case r.Reviewed:
			mark = "✓"
		}
		stars := ""
		if len(r.Stars) > 0 {
			stars = strconv.Itoa(len(r.Stars))
		}
		var rest []string
		if len(r.Flags) > 0 {
			rest = append(rest, "标错："+joinFlags(r.Flags))
		}
		if len(r.Notes) > 0 {
			rest = append(rest, "笔记："+joinNotes(r.Notes))
		}
		t.Rows = append(t.Rows, []string{mark, r.ID, model.RegionLabelOf(r.Region), year(r.Year), stars, strings.Join(rest, "  ")})
	}
	termW, isTerm := terminal(stdout)
	io.WriteString(stdout, t.Render(m, termW, colour(isTerm)))
}

func joinStars(ts []string) string {
	var out []string
	for _, t := range ts {
		out = append(out, model.TargetLabel(t))
	}
	return strings.Join(out, "; ")
}

func joinFlags(fs []model.Flag) string {
	var out []string
	for _, f := range fs {
		out = append(out, model.TargetLabel(f.Target)+"："+f.Reason)
	}
	return strings.Join(out, "; ")
}

func joinNotes(ns []model.Note) string {
	var out []string
	for _, n := range ns {
		out = append(out, model.TargetLabel(n.Target)+"："+strings.Join(strings.Fields(n.Text), " "))
	}
	return strings.Join(out, "; ")
}
