package commands

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baogao/export"
	"baogao/model"
)

// The workbook holds what the JSON export holds: a row per report, a row per indicator, the
// targets alone on their own sheet, numbers as numbers, the header frozen.
func TestExportXLSX(t *testing.T) {
	out, errs, code := runCmd("export", "--format", "xlsx", "testdata/seeds")
	if code != exitOK || errs != "" {
		t.Fatalf("export xlsx: code %d %q", code, errs)
	}
	f, err := excelize.OpenReader(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "reports,indicators,targets" {
		t.Fatalf("sheets %s", got)
	}
	js, _, _ := runCmd("export", "--format", "json", "testdata/seeds")
	var doc struct{ Reports []model.Report }
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	reports, _ := f.GetRows("reports")
	indicators, _ := f.GetRows("indicators")
	targets, _ := f.GetRows("targets")
	if len(reports) != 1+len(doc.Reports) {
		t.Fatalf("%d report rows for %d reports", len(reports)-1, len(doc.Reports))
	}
	cell := func(row []string, i int) string {
		if i < len(row) {
			return row[i]
		}
		return ""
	}
	n, nt := 1, 1
	for k, r := range doc.Reports {
		row := reports[k+1]
		if cell(row, 0) != r.ID || cell(row, 4) != r.Region || cell(row, 9) != strconv.Itoa(r.Year) || cell(row, 13) != strconv.Itoa(r.Chars) {
			t.Errorf("report %s: %q", r.ID, row)
		}
		for _, in := range r.Indicators {
			row := indicators[n]
			n++
			want := []string{r.ID, r.Region, strconv.Itoa(r.Year), string(in.Kind), in.Name, in.RawName, export.Num(in.Value), in.Unit, export.Num(in.Growth), in.Qualifier, export.Num(in.Stretch), in.Section, strconv.Itoa(in.Start), strconv.Itoa(in.End), in.Text}
			for c, w := range want {
				if cell(row, c) != w {
					t.Errorf("%s %s column %s: %q, want %q", r.ID, in.Name, indicators[0][c], cell(row, c), w)
				}
			}
			if in.Kind == model.Target {
				if strings.Join(targets[nt], "|") != strings.Join(row, "|") {
					t.Errorf("target row %d differs from its indicator row", nt)
				}
				nt++
			}
		}
	}
	if n != len(indicators) || nt != len(targets) {
		t.Errorf("%d indicator rows, %d read; %d target rows, %d read", len(indicators)-1, n-1, len(targets)-1, nt-1)
	}
	// a growth is a number cell, not text
	if typ, _ := f.GetCellType("indicators", "I2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("growth stored as text (%v)", typ)
	}
	if panes, _ := f.GetPanes("reports"); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("the header row is not frozen: %+v", panes)
	}
}

func TestBOMAndXLSXOtherCommands(t *testing.T) {
	out, _, _ := runCmd("targets", "--format", "csv", "--bom", "changan")
	if !strings.HasPrefix(out, "\uFEFFid,region") {
		t.Errorf("--bom: %.20q", out)
	}
	if out, _, _ := runCmd("targets", "--format", "csv", "changan"); strings.HasPrefix(out, "\uFEFF") {
		t.Error("a BOM without --bom")
	}
	out, _, code := runCmd("targets", "--format", "xlsx", "changan")
	f, err := excelize.OpenReader(strings.NewReader(out))
	if code != exitOK || err != nil {
		t.Fatalf("targets xlsx: %d %v", code, err)
	}
	if rows, _ := f.GetRows("targets"); len(rows) < 2 || rows[1][1] != "长安镇" {
		t.Errorf("targets sheet: %q", rows)
	}
}
