package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"baogao/tui/width"
)

const browseUsage = `Usage: baogao [--east-asian-width] [PATH...]

Lists the reports found in PATH (files or folders; none: the embedded sample): region, level,
year, number of targets and title. The interactive browser comes with the TUI.

`

// cmdBrowse prints the report list; the interactive browser replaces it (issue 3).
func cmdBrowse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("baogao", browseUsage, stderr)
	eastAsian := fs.Bool("east-asian-width", os.Getenv("RUNEWIDTH_EASTASIAN") == "1", "count ambiguous-width characters (“ ” … ·) as two columns")
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	res := load(fs.Args(), stderr)
	if len(res.Reports) == 0 {
		fmt.Fprintln(stderr, "baogao: no reports could be loaded")
		return exitEmpty
	}
	m := width.NewMeasure(*eastAsian)
	termWidth, _ := terminal(stdout)
	rows := [][]string{{"地区", "级别", "年份", "目标", "标题"}}
	for _, r := range res.Reports {
		region := r.Region
		if region == "" {
			region = "（未知）"
		}
		rows = append(rows, []string{region, r.Level, year(r.Year), strconv.Itoa(len(r.Targets())), r.Title})
	}
	widths := make([]int, 5)
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], m.String(c))
		}
	}
	for _, row := range rows {
		var parts []string
		for i, c := range row[:4] {
			if i == 3 {
				parts = append(parts, m.PadLeft(c, widths[i]))
			} else {
				parts = append(parts, m.PadRight(c, widths[i]))
			}
		}
		ln := strings.Join(append(parts, row[4]), "  ")
		if termWidth > 0 {
			ln = m.Truncate(ln, termWidth, "…")
		}
		fmt.Fprintln(stdout, ln)
	}
	fmt.Fprintf(stdout, "%d reports", len(res.Reports))
	if len(res.Errors) > 0 {
		fmt.Fprintf(stdout, ", %d files could not be read", len(res.Errors))
	}
	fmt.Fprintln(stdout)
	return exitOK
}
