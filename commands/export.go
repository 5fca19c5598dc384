package commands

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"baogao/export"
	"baogao/loader"
	"baogao/model"
)

func (c *cli) cmdExport(args []string, stdout, stderr io.Writer) int {
	fs := c.newFlags("export", c.lang.T("usage.export"), stderr)
	format := fs.String("format", "json", c.lang.T("flag.format-export-xlsx"))
	statePath := fs.String("state", "", c.lang.T("flag.state-export"))
	bom := c.bomFlag(fs)
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if !c.localState(stderr, "export", *statePath) || !c.oneOf(stderr, "export", *format, "json", "csv", "xlsx") {
		return exitUsage
	}
	if *format == "xlsx" && !c.xlsxOut(stdout, stderr, "export") {
		return exitUsage
	}
	if *format == "csv" {
		stdout = csvOut(stdout, *bom)
	}
	var render func(*model.Report) []byte
	if *format == "json" {
		render = export.Fragment
	}
	res := c.loadRendered(fs.Args(), stderr, render)
	if c.env.Remote != nil {
		res = relativeSources(res, c.env.Remote.Roots)
	}
	var reviews *model.ReviewState
	if st, err := c.openState(*statePath); err == nil {
		reviews = st.State()
		for _, n := range st.Notices() {
			fmt.Fprintf(stderr, "baogao export: %s\n", c.lang.Say(n))
		}
	} else {
		fmt.Fprintf(stderr, "baogao export: %s\n", c.lang.T("cli.export-without-state", err))
	}
	if err := export.Write(stdout, res, *format, reviews); err != nil {
		fmt.Fprintf(stderr, "baogao export: %s\n", c.lang.Err(err))
		return exitEmpty
	}
	if len(res.Reports) == 0 {
		return exitEmpty
	}
	return exitOK
}

// relativeSources names every source relative to the corpus folder it was found in: a client of
// the server has no business knowing where on the server the corpus lives. The reports are
// copied; the shared corpus keeps its paths (the browser reads bodies back by them).
func relativeSources(res loader.Result, roots []string) loader.Result {
	rel := func(src string) string {
		for _, root := range roots {
			if src == root {
				return filepath.Base(src)
			}
			if r, err := filepath.Rel(root, src); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(filepath.Join(filepath.Base(filepath.Clean(root)), r))
			}
		}
		return filepath.Base(src)
	}
	out := res
	out.Reports = make([]model.Report, len(res.Reports))
	copy(out.Reports, res.Reports)
	for i := range out.Reports {
		out.Reports[i].Source = rel(out.Reports[i].Source)
	}
	out.Errors = make([]loader.FileError, len(res.Errors))
	for i, e := range res.Errors {
		out.Errors[i] = loader.FileError{Source: rel(e.Source), Err: e.Err}
	}
	return out
}
