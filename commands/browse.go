package commands

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"baogao/loader"
	"baogao/model"
	"baogao/table"
	"baogao/tui"
	"baogao/tui/width"
)

// cmdBrowse starts the browser on a terminal, and prints the report list elsewhere.
func (c *cli) cmdBrowse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := c.newFlags("baogao", c.lang.T("usage.main")+c.lang.T("usage.browse"), stderr)
	eastAsian := fs.Bool("east-asian-width", os.Getenv("RUNEWIDTH_EASTASIAN") == "1", c.lang.T("flag.east-asian-width"))
	plainList := fs.Bool("list", false, c.lang.T("flag.list"))
	statePath := fs.String("state", "", c.lang.T("flag.state"))
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if _, isTerm := terminal(stdout); isTerm && !*plainList {
		return c.browse(fs.Args(), *eastAsian, *statePath, stdin, stdout, stderr)
	}
	res := c.load(fs.Args(), stderr)
	if len(res.Reports) == 0 {
		fmt.Fprintln(stderr, "baogao: "+c.lang.T("cli.nothing-loaded"))
		return exitEmpty
	}
	m := width.NewMeasure(*eastAsian)
	termWidth, isTerm := terminal(stdout)
	t := table.Table{Columns: []table.Column{{Head: c.lang.T("col.region")}, {Head: c.lang.T("col.level")}, {Head: c.lang.T("col.year")}, {Head: c.lang.T("col.targets"), Right: true}, {Head: c.lang.T("col.title")}}}
	for _, r := range res.Reports {
		t.Rows = append(t.Rows, []string{r.RegionLabel(c.lang), r.Level, year(r.Year), strconv.Itoa(len(r.Targets())), r.Title})
	}
	io.WriteString(stdout, t.Render(m, termWidth, colour(isTerm)))
	// The count is for the person at the terminal: in a pipe it would be one more row to strip.
	count := stdout
	if termWidth == 0 {
		count = stderr
	}
	if len(res.Errors) > 0 {
		fmt.Fprintln(count, c.lang.T("cli.count-errors", len(res.Reports), len(res.Errors)))
	} else {
		fmt.Fprintln(count, c.lang.T("cli.count", len(res.Reports)))
	}
	return exitOK
}

// ReadBody reads back the text of a report loaded without it (from disk; the embedded sample
// keeps its bodies).
func ReadBody(r *model.Report) (string, error) { return loader.ReadBody(nil, r) }

// browse runs the interactive browser; files load in the background while the list is usable.
func (c *cli) browse(paths []string, eastAsian bool, statePath string, stdin io.Reader, stdout, stderr io.Writer) int {
	var batches <-chan loader.Batch
	var bodies *loader.Bodies
	if len(paths) == 0 {
		batches = loader.Stream(loader.FS(c.env.Sample, c.env.SampleRoot), loader.Options{})
	} else {
		missing := 0
		for _, p := range paths {
			if _, err := os.Stat(p); err != nil {
				fmt.Fprintf(stderr, "baogao: %s: %s\n", model.SafeName(p), c.lang.T("load.no-such-file"))
				missing++
			}
		}
		if missing == len(paths) {
			return exitEmpty // nothing to browse: no browser over nothing
		}
		o := c.loadOptions(paths, stderr)
		o.Pack = true // the browser unpacks what it shows
		bodies = withBodies(&o)
		batches = lessGCWhileLoading(loader.Stream(loader.Paths(paths...), o))
	}
	// Review state that cannot be opened at all (an unreadable file) is said once; browsing goes
	// on with the state in memory.
	st, err := c.openState(statePath)
	stateErr := ""
	if err != nil {
		// said on screen, where it is seen, and again when quitting: not on stderr after exit
		stateErr = c.lang.Err(err)
		st = nil
	}
	app := tui.New(batches, tui.Options{Lang: c.lang, Reload: reloader(paths), Bodies: bodies, EastAsianWidth: eastAsian, NoColor: tui.NoColorFromEnv(), Store: st, StateError: stateErr, Reviewer: reviewer(), ReadBody: ReadBody})
	p := tea.NewProgram(app, tea.WithInput(stdin), tea.WithOutput(stdout))
	if _, err := p.Run(); err != nil {
		fmt.Fprintf(stderr, "baogao: %v\n", err)
		return exitEmpty
	}
	return exitOK
}

// reloader reads a report's file again for the browser's r; the embedded sample (no paths) is
// not on disk to be read again.
func reloader(paths []string) func(*model.Report) ([]model.Report, error) {
	if len(paths) == 0 {
		return nil
	}
	return func(r *model.Report) ([]model.Report, error) {
		res := loader.Load(loader.Paths(r.Source), loader.Options{})
		if len(res.Errors) > 0 {
			return nil, errors.New(res.Errors[0].Err) // the reason alone: the screen names the report
		}
		return res.Reports, nil
	}
}

// lessGCWhileLoading runs the collector a quarter as often until the last batch has arrived:
// nearly everything a load allocates stays (the reports), so each collection while loading
// marks the same growing heap again, and a large corpus spent a fifth of its start doing that.
func lessGCWhileLoading(in <-chan loader.Batch) <-chan loader.Batch {
	out := make(chan loader.Batch, cap(in))
	old := debug.SetGCPercent(400)
	if old < 0 || old > 400 { // GOGC set by the user: theirs to choose
		debug.SetGCPercent(old)
	}
	go func() {
		defer close(out)
		defer debug.SetGCPercent(old)
		for b := range in {
			out <- b
		}
	}()
	return out
}
