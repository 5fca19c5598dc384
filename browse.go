package main

import (
	"fmt"
	"io"
)

func cmdBrowse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	res := load(args, stderr)
	for _, r := range res.Reports {
		fmt.Fprintf(stdout, "%s\t%s\t%d\t%s\n", r.ID, r.Region, r.Year, r.Title)
	}
	if len(res.Reports) == 0 {
		return exitEmpty
	}
	return exitOK
}
