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
	"baogao/msg"
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
			return nil, msg.E("cli.no-state-remote")
		case r.Store != nil:
			return r.Store, nil
		case r.StoreErr != nil:
			return nil, msg.E("cli.state-unopened-why", r.StoreErr)
		}
		return nil, msg.E("cli.state-unopened")
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

func (c *cli) cmdReview(args []string, stdout, stderr io.Writer) int {
	fs := c.newFlags("review", c.lang.T("usage.review"), stderr)
	format := fs.String("format", "table", c.lang.T("flag.format-table"))
	statePath := fs.String("state", "", c.lang.T("flag.state"))
	all := fs.Bool("all", false, c.lang.T("flag.all"))
	bom := c.bomFlag(fs)
	eastAsian := fs.Bool("east-asian-width", os.Getenv("RUNEWIDTH_EASTASIAN") == "1", c.lang.T("flag.east-asian-width"))
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if !c.localState(stderr, "review", *statePath) || !c.oneOf(stderr, "review", *format, "table", "csv", "json") {
		return exitUsage
	}
	res := c.load(fs.Args(), stderr)
	st, err := c.openState(*statePath)
	if err != nil {
		fmt.Fprintf(stderr, "baogao review: %s\n", c.lang.Err(err))
		return exitEmpty
	}
	for _, n := range st.Notices() {
		fmt.Fprintf(stderr, "baogao review: %s\n", c.lang.Say(n))
	}
	rows, unloaded := reviewRows(res.Reports, st.State(), *all)
	switch *format {
	case "json":
		writeDoc(stdout, "reports", rows)
	case "csv":
		cw := csv.NewWriter(csvOut(stdout, *bom))
		cw.Write([]string{"id", "region", "year", "reviewed", "stale", "missing", "stars", "flags", "notes"})
		for _, r := range rows {
			cw.Write([]string{r.ID, r.Region, strconv.Itoa(r.Year), strconv.FormatBool(r.Reviewed), strconv.FormatBool(r.Stale), strconv.FormatBool(r.Missing),
				joinStars(c.lang, r.Stars), joinFlags(c.lang, r.Flags), joinNotes(c.lang, r.Notes)})
		}
		cw.Flush()
	default:
		writeReviewTable(c.lang, stdout, rows, width.NewMeasure(*eastAsian))
	}
	if unloaded > 0 && !*all {
		fmt.Fprintf(stderr, "baogao review: %s\n", c.lang.T("cli.reviews-elsewhere", unloaded))
	}
	if len(res.Reports) == 0 {
		return exitEmpty
	}
	return exitOK
}

// writeReviewTable prints the reviews as a table with a header: 状态 is ✓ reviewed, ? stale (the
// text changed since), - missing (the report is not loaded).
func writeReviewTable(l msg.Lang, stdout io.Writer, rows []export.Review, m width.Measure) {
	t := table.Table{
		Columns: []table.Column{{Head: l.T("col.state")}, {Head: l.T("col.report"), Max: 32, Min: 8}, {Head: l.T("col.region")}, {Head: l.T("col.year")}, {Head: l.T("col.stars"), Right: true}, {Head: l.T("col.flags-notes")}},
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
			rest = append(rest, l.T("review.flags", joinFlags(l, r.Flags)))
		}
		if len(r.Notes) > 0 {
			rest = append(rest, l.T("review.notes", joinNotes(l, r.Notes)))
		}
		t.Rows = append(t.Rows, []string{mark, r.ID, model.RegionLabelOf(l, r.Region), year(r.Year), stars, strings.Join(rest, "  ")})
	}
	termW, isTerm := terminal(stdout)
	io.WriteString(stdout, t.Render(m, termW, colour(isTerm)))
}

func joinStars(l msg.Lang, ts []string) string {
	var out []string
	for _, t := range ts {
		out = append(out, model.TargetLabel(l, t))
	}
	return strings.Join(out, "; ")
}

func joinFlags(l msg.Lang, fs []model.Flag) string {
	var out []string
	for _, f := range fs {
		out = append(out, l.T("review.labelled", model.TargetLabel(l, f.Target), f.Reason))
	}
	return strings.Join(out, "; ")
}

func joinNotes(l msg.Lang, ns []model.Note) string {
	var out []string
	for _, n := range ns {
		out = append(out, l.T("review.labelled", model.TargetLabel(l, n.Target), strings.Join(strings.Fields(n.Text), " ")))
	}
	return strings.Join(out, "; ")
}
