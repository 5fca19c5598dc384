package export

import (
	"io"

	"github.com/xuri/excelize/v2"

	"baogao/loader"
	"baogao/model"
)

// Sheet is one table of a workbook: a header and rows whose cells are strings, numbers
// (float64, int) or nil for an empty cell. Numbers stay numbers, so a sheet sums and sorts them.
type Sheet struct {
	Name   string
	Header []string
	Rows   [][]any
}

// WriteXLSX writes sheets as an Excel workbook: a sheet per table, its header row frozen and
// bold, columns as wide as their text (a Chinese character counts two).
func WriteXLSX(w io.Writer, sheets []Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(s.Name)
		if err != nil {
			return err
		}
		widths := make([]int, len(s.Header))
		head := make([]any, len(s.Header))
		for c, h := range s.Header {
			head[c] = excelize.Cell{StyleID: bold, Value: h}
			widths[c] = cells(h)
		}
		for _, row := range s.Rows {
			for c, v := range row {
				if c < len(widths) {
					if str, ok := v.(string); ok {
						widths[c] = max(widths[c], cells(str))
					} else if v != nil {
						widths[c] = max(widths[c], 8)
					}
				}
			}
		}
		for c, wd := range widths {
			// widths are set before any row is written (excelize's stream writer wants it so)
			if err := sw.SetColWidth(c+1, c+1, float64(min(max(wd, 6), 80))+1); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		if err := sw.SetRow("A1", head); err != nil {
			return err
		}
		for r, row := range s.Rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(cell, row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// cells is a text's width in the columns of a sheet: a wide character takes two.
func cells(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// numOrNil is a figure as a cell: its number, or an empty cell.
func numOrNil(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// ReportSheets are the export as sheets: the reports, every indicator, and the targets alone.
func ReportSheets(res loader.Result) ([]Sheet, error) {
	reports := Sheet{Name: "reports", Header: []string{"id", "source", "part", "title", "region", "level", "region_code", "province", "prefecture", "year", "review_year", "date", "speaker", "chars", "sections", "indicators", "targets"}}
	indHeader := []string{"id", "region", "year", "kind", "name", "raw_name", "value", "unit", "growth", "qualifier", "stretch", "section", "start", "end", "text"}
	indicators := Sheet{Name: "indicators", Header: indHeader}
	targets := Sheet{Name: "targets", Header: indHeader}
	for _, r := range res.Reports {
		if err := loader.Unpack(&r); err != nil {
			return nil, err
		}
		reports.Rows = append(reports.Rows, []any{r.ID, r.Source, r.Part, r.Title, r.Region, r.Level, r.RegionCode, r.Province, r.Prefecture,
			yearCell(r.Year), yearCell(r.ReviewYear), r.Date, r.Speaker, r.Chars, len(r.Sections), len(r.Indicators), len(r.Targets())})
		for _, in := range r.Indicators {
			row := []any{r.ID, r.Region, yearCell(r.Year), string(in.Kind), in.Name, in.RawName, numOrNil(in.Value), in.Unit, numOrNil(in.Growth),
				in.Qualifier, numOrNil(in.Stretch), in.Section, in.Start, in.End, in.Text}
			indicators.Rows = append(indicators.Rows, row)
			if in.Kind == model.Target {
				targets.Rows = append(targets.Rows, row)
			}
		}
	}
	return []Sheet{reports, indicators, targets}, nil
}

func yearCell(y int) any {
	if y == 0 {
		return nil
	}
	return y
}
