package commands

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
)

// devSets are the labelled reports beside the repository (CI has them; a clone alone does not).
func devSets(t *testing.T) []string {
	dirs := []string{"../shared/corpus/dev", "../shared/corpus/dev2"}
	for _, d := range dirs {
		if _, err := os.Stat(d); err != nil {
			t.Skipf("%s is not beside the repository: skipping the panel test on the dev sets", d)
		}
	}
	return dirs
}

// The panel on the dev sets, checked by hand against the reports: 保定市's 2022 GDP target
// (8% 以上, from the 2022 report) beside 2022's actual from the 2023 report's review (3.8%):
// missed; 2021's from the 2021 and 2022 reports; 海拉尔区's 2011 actual from the 2012 report
// (过去一年 is one year) with no 2011 target.
func TestPanelOnDevSets(t *testing.T) {
	out, errs, code := runCmd(append([]string{"panel", "--format", "csv"}, devSets(t)...)...)
	if code != exitOK {
		t.Fatalf("panel: code %d %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(panelColumns, ",") {
		t.Fatalf("header %v", rows[0])
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	find := func(region, year, indicator string) []string {
		var found []string
		for _, r := range rows[1:] {
			if r[col["region"]] == region && r[col["year"]] == year && r[col["indicator"]] == indicator {
				if found != nil {
					t.Errorf("%s %s %s: two rows", region, year, indicator)
				}
				found = r
			}
		}
		return found
	}
	for _, c := range []struct {
		region, year, indicator                    string
		tGrowth, tQual, aGrowth, met, tFile, aFile string
	}{
		{"保定市", "2022", "地区生产总值", "8", "以上", "3.8", "missed", "08_baoding_2022.txt", "06_baoding_2023.txt"},
		{"保定市", "2021", "地区生产总值", "8", "以上", "7.2", "missed", "07_baoding_2021.txt", "08_baoding_2022.txt"},
		{"保定市", "2022", "固定资产投资", "8", "左右", "8.1", "met", "08_baoding_2022.txt", "06_baoding_2023.txt"},
		{"保定市", "2021", "规模以上工业增加值", "10", "左右", "11.4", "met", "07_baoding_2021.txt", "08_baoding_2022.txt"},
		{"海拉尔区", "2011", "地区生产总值", "", "", "22.3", "", "", "01_hailaer_2012"},
	} {
		r := find(c.region, c.year, c.indicator)
		if r == nil {
			t.Errorf("%s %s %s: no row", c.region, c.year, c.indicator)
			continue
		}
		if r[col["target_growth"]] != c.tGrowth || r[col["target_qualifier"]] != c.tQual || r[col["actual_growth"]] != c.aGrowth ||
			r[col["met"]] != c.met || !strings.Contains(r[col["target_source"]], c.tFile) || !strings.Contains(r[col["actual_source"]], c.aFile) {
			t.Errorf("%s %s %s: %v", c.region, c.year, c.indicator, r)
		}
		if r[col["region_code"]] == "" || r[col["province"]] == "" {
			t.Errorf("%s: no code or province: %v", c.region, r)
		}
	}
	// no year of 保定市 is given a five-year review's figure: the 2021 report reviews 十三五
	if r := find("保定市", "2020", "地区生产总值"); r != nil {
		t.Errorf("2020 from a five-year review: %v", r)
	}
	// every row has a target or an actual, and a verdict only with both
	for _, r := range rows[1:] {
		hasT := r[col["target_text"]] != ""
		hasA := r[col["actual_text"]] != ""
		if !hasT && !hasA || r[col["met"]] != "" && !(hasT && hasA) {
			t.Errorf("row %v", r)
		}
	}
	// JSON holds the same rows
	js, _, _ := runCmd(append([]string{"panel", "--format", "json"}, devSets(t)...)...)
	if n := strings.Count(js, `"region_code"`); n != len(rows)-1 {
		t.Errorf("json has %d rows, csv %d", n, len(rows)-1)
	}
}

func TestTrackCommand(t *testing.T) {
	out, errs, code := runCmd(append([]string{"track", "baoding", "GDP"}, devSets(t)...)...)
	if code != exitOK || !strings.HasPrefix(out, "保定市") || !strings.Contains(out, "≥8 → 3.8 ✗") || strings.Contains(out, "固定资产投资") {
		t.Errorf("track baoding GDP: code %d stderr %q\n%s", code, errs, out)
	}
	if _, errs, code := runCmd("track"); code != exitUsage || errs == "" {
		t.Errorf("track without a query: code %d %q", code, errs)
	}
}
