package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"baogao/loader"
	"baogao/model"
)

type exportDoc struct {
	Reports []exportReport     `json:"reports"`
	Errors  []loader.FileError `json:"errors"`
}

// exportReport is a report with its review state (fields may be added to the contract).
type exportReport struct {
	model.Report
	Review reviewRow `json:"review"`
}

// writeExport prints the export contract of ../shared/spec/export.md.
func writeExport(w io.Writer, res loader.Result, format string, reviews *model.ReviewState) error {
	switch format {
	case "json":
		doc := exportDoc{Reports: []exportReport{}, Errors: res.Errors}
		for i := range res.Reports {
			rv, stale := reviews.Find(&res.Reports[i])
			doc.Reports = append(doc.Reports, exportReport{res.Reports[i], rowOf(&res.Reports[i], rv, stale)})
		}
		if doc.Errors == nil {
			doc.Errors = []loader.FileError{}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		return enc.Encode(doc)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"id", "source", "part", "region", "level", "year", "review_year", "kind", "name", "raw_name", "value", "unit", "growth", "qualifier", "stretch", "section", "start", "end", "text"})
		for _, r := range res.Reports {
			for _, in := range r.Indicators {
				cw.Write([]string{r.ID, r.Source, strconv.Itoa(r.Part), r.Region, r.Level, strconv.Itoa(r.Year), strconv.Itoa(r.ReviewYear),
					string(in.Kind), in.Name, in.RawName, num(in.Value), in.Unit, num(in.Growth), in.Qualifier, num(in.Stretch),
					in.Section, strconv.Itoa(in.Start), strconv.Itoa(in.End), in.Text})
			}
		}
		cw.Flush()
		return cw.Error()
	}
	return fmt.Errorf("unknown format %q (json or csv)", format)
}

func num(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}
