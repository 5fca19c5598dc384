package parse

import (
	"strings"
	"testing"
)

// What pdftotext leaves between pages goes; the text stays (page furniture as printed in the
// reports of 保定市 and 河北省: — 9 —, -3-, a repeated title).
func TestStripPageFurniture(t *testing.T) {
	in := "政府工作报告\n各位代表：\n地区生产总值增长6%。\n— 1 —\n\f保定市人民政府\n规上工业增加值\n增长7%。\n-2-\n\f保定市人民政府\n固定资产投资增长8%。\n第3页\n"
	got := stripPageFurniture(in)
	for _, gone := range []string{"— 1 —", "-2-", "第3页", "保定市人民政府"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q left in:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"政府工作报告", "地区生产总值增长6%。", "规上工业增加值", "固定资产投资增长8%。"} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q lost:\n%s", kept, got)
		}
	}
	if one := "单页\n— 1 —\n"; stripPageFurniture(one) != one {
		t.Error("a text of one page changed")
	}
}
