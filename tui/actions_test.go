package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baogao/model"
	"baogao/msg"
)

// clipboard presses k and returns what its command puts on the clipboard ("" for nothing): the
// message bubbletea turns into the OSC 52 sequence is the text itself.
func clipboard(t *testing.T, a *App, k string) string {
	t.Helper()
	_, cmd := a.Update(keyMsg(k))
	if cmd == nil {
		return ""
	}
	m := cmd()
	if fmt.Sprintf("%T", m) != "tea.setClipboardMsg" {
		t.Fatalf("%s gave %T, not a clipboard message", k, m)
	}
	return fmt.Sprint(m)
}

func TestCopy(t *testing.T) {
	a := newTestApp(t, 120, 40)
	// the list: the report's row, tab-separated
	got := clipboard(t, a, "y")
	if !strings.HasPrefix(got, "长安镇\t镇\t2023\t5\t长安镇2023年政府工作报告\t") || !strings.Contains(a.footer(), "已复制") {
		t.Errorf("list: copied %q, footer %q", got, a.footer())
	}
	// an indicator row: region, year, name … and the sentence it was read from
	press(a, "enter", "i")
	in := tableOf(a).rows[0]
	got = clipboard(t, a, "y")
	cols := strings.Split(got, "\t")
	if len(cols) != 9 || cols[0] != "长安镇" || cols[1] != "2023" || cols[2] != in.Name || cols[8] != in.Text {
		t.Errorf("indicator row: copied %q", got)
	}
	// the reader: the sentence of the search match
	press(a, "esc", "/", "新", "增", "市", "场", "主", "体", "enter")
	got = clipboard(t, a, "y")
	if !strings.Contains(got, "新增市场主体") || strings.Count(got, "。") > 1 || !strings.HasSuffix(got, "。") && !strings.HasSuffix(got, "；") {
		t.Errorf("reader: copied %q, not the sentence of the match", got)
	}
	// the comparison: the row
	press(a, "esc", "esc", "t")
	if got := clipboard(t, a, "y"); !strings.HasPrefix(got, "长安镇\t2023\t") {
		t.Errorf("targets: copied %q", got)
	}
	// the flash goes with the next key
	press(a, "j")
	if strings.Contains(a.footer(), "已复制") {
		t.Error("the copy notice outlived the next key")
	}
}

func TestSentenceAround(t *testing.T) {
	body := []rune("第一句。第二句有数字，增长5%；还在第二句！\n第三句")
	for _, c := range []struct {
		at   int
		want string
	}{{0, "第一句。"}, {5, "第二句有数字，增长5%；还在第二句！"}, {len(body) - 1, "第三句"}} {
		if got := sentenceAround(body, c.at); got != c.want {
			t.Errorf("at %d: %q, want %q", c.at, got, c.want)
		}
	}
}

// E writes the view as CSV where the prompt says, never over a file without asking twice.
func TestExportView(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	a := newTestApp(t, 100, 30)
	press(a, "/", "镇", "enter", "E")
	if a.prompt == nil || a.prompt.input.Value() != "baogao-reports.csv" {
		t.Fatalf("E opened no prompt with a name: %+v", a.prompt)
	}
	if !a.typing() {
		t.Error("the prompt does not take the keys")
	}
	press(a, "enter")
	b, err := os.ReadFile(filepath.Join(dir, "baogao-reports.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(b), "\uFEFF")), "\n")
	if lines[0] != "地区,级别,年份,目标,标题,文件" || len(lines) != 1+len(listOf(a).visible) {
		t.Errorf("the filtered list as CSV: %q", lines)
	}
	if !strings.Contains(a.footer(), "已导出") {
		t.Errorf("footer %q does not say where", a.footer())
	}
	// again: the file exists, the first enter asks, the second replaces
	os.WriteFile(filepath.Join(dir, "baogao-reports.csv"), []byte("mine"), 0o644)
	press(a, "E", "enter")
	if a.prompt == nil || a.prompt.err == "" {
		t.Fatal("an existing file was replaced without asking")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "baogao-reports.csv")); string(b) != "mine" {
		t.Fatal("the file was written before the second enter")
	}
	press(a, "enter")
	if b, _ := os.ReadFile(filepath.Join(dir, "baogao-reports.csv")); string(b) == "mine" || a.prompt != nil {
		t.Error("the second enter did not replace the file")
	}
	// the indicator table and the comparison export too; esc leaves the prompt without writing
	press(a, "enter", "i", "E")
	if a.prompt == nil || !strings.HasPrefix(a.prompt.input.Value(), "baogao-indicators-") {
		t.Errorf("indicator table: %+v", a.prompt)
	}
	press(a, "esc")
	if a.prompt != nil || a.screen() != screenIndicators {
		t.Error("esc did not close the prompt alone")
	}
	// over SSH nothing is written on the server
	r := newAppOver(t, 100, 30, msg.ZH, seeds.Reports)
	r.opts.Remote = true
	press(r, "E")
	if r.prompt != nil || !strings.Contains(r.footer(), "SSH") {
		t.Errorf("a served session was offered a file on the server: footer %q", r.footer())
	}
	press(r, "o")
	if !strings.Contains(r.footer(), "SSH") {
		t.Errorf("a served session was offered the pager: footer %q", r.footer())
	}
}

// r reads the report again and shows the new text; an error says why in the footer.
func TestReload(t *testing.T) {
	a := newTestApp(t, 100, 30)
	changed := "changed text"
	fail := false
	a.opts.Reload = func(r *model.Report) ([]model.Report, error) {
		if fail {
			return nil, errors.New("gone")
		}
		n := *r
		n.Body, n.Hash, n.Chars, n.Sections = changed, "new", len([]rune(changed)), nil
		return []model.Report{n}, nil
	}
	press(a, "enter")
	press(a, "r")
	if v := reportOf(a); string(v.body) != changed || !strings.Contains(a.footer(), "正文已更新") {
		t.Errorf("after r: body %.20q, footer %q", string(v.body), a.footer())
	}
	fail = true
	press(a, "r")
	if !strings.Contains(a.footer(), "gone") {
		t.Errorf("a failed reload says %q", a.footer())
	}
}

// At small sizes nothing is lost silently: columns left out are marked at the edges, the name
// keeps its first four characters, and → brings the hidden columns into view.
func TestIndicatorColumnsCutMarked(t *testing.T) {
	a := newTestApp(t, 34, 20)
	press(a, "enter", "i")
	lines := strings.Split(screenText(a), "\n")
	head := strings.TrimRight(lines[1], " ")
	if !strings.HasSuffix(head, "›") {
		t.Errorf("a header with columns left out is not marked: %q", head)
	}
	name := tableOf(a).rows[0].Name
	if !strings.Contains(lines[2], string([]rune(name)[:4])) {
		t.Errorf("the name lost its first four characters: %q (name %s)", lines[2], name)
	}
	press(a, "l", "l", "l", "l", "l")
	lines = strings.Split(screenText(a), "\n")
	if !strings.Contains(lines[1], "‹") || !strings.Contains(lines[1], "章节") {
		t.Errorf("→ to the last column: header %q", lines[1])
	}
	for _, ln := range lines {
		if w := a.ses.measure.String(ln); w > 34 {
			t.Errorf("a line of %d cells at 34: %q", w, ln)
		}
	}
}

func TestTargetsColumnsCutMarked(t *testing.T) {
	a := newTestApp(t, 50, 20)
	press(a, "t")
	head := strings.TrimRight(strings.Split(screenText(a), "\n")[1], " ")
	if !strings.HasSuffix(head, "›") || strings.Contains(head, "‹") {
		t.Errorf("first columns: header %q", head)
	}
	press(a, "l", "l", "l", "l", "l", "l")
	head = strings.TrimRight(strings.Split(screenText(a), "\n")[1], " ")
	if strings.HasSuffix(head, "›") || !strings.Contains(head, "‹") || !strings.Contains(head, "居民收入") {
		t.Errorf("last column: header %q", head)
	}
}

func click(a *App, x, y int) {
	feed(a, tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
}

// A click selects a row or a tree entry; a click on the selected report opens it.
func TestMouseClickSelects(t *testing.T) {
	a := newTestApp(t, 100, 30)
	click(a, 10, 3) // title, header, first row, second row
	if listOf(a).cursor != 1 || a.screen() != screenList {
		t.Fatalf("click on the second row: cursor %d, screen %s", listOf(a).cursor, a.screen())
	}
	click(a, 10, 3)
	if a.screen() != screenReport || reportOf(a).idx != listOf(a).visible[1].idx {
		t.Fatalf("a click on the selected row did not open it: %s", a.screen())
	}
	v := reportOf(a)
	click(a, 3, 2) // the tree's second row
	if v.cur != 1 || v.reader {
		t.Errorf("click in the tree: cursor %d, reader focus %v", v.cur, v.reader)
	}
	click(a, v.treeW+10, 5)
	if !v.reader {
		t.Error("a click in the text did not give it focus")
	}
	press(a, "i")
	click(a, 5, 4)
	if tableOf(a).cur != 2 {
		t.Errorf("click on the third indicator: cursor %d", tableOf(a).cur)
	}
}

// A name ending .xlsx asks for a workbook.
func TestExportViewXLSX(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	a := newTestApp(t, 100, 30)
	press(a, "t", "E")
	a.prompt.input.SetValue("cmp.xlsx")
	press(a, "enter")
	b, err := os.ReadFile(filepath.Join(dir, "cmp.xlsx"))
	if err != nil || len(b) < 4 || string(b[:2]) != "PK" {
		t.Fatalf("no workbook: %v", err)
	}
}
