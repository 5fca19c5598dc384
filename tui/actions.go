package tui

import (
	"encoding/csv"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"baogao/export"
	"baogao/model"
	"baogao/msg"
)

// What every screen may offer beyond its own keys, asked for by the root: copy what the cursor
// is on, export what is shown, open the report's file in a pager, read it again from disk.
type (
	// copier gives the text under the cursor: a sentence of the reader, a row of a table.
	copier interface{ copyText() (string, bool) }
	// csvViewer gives what the screen shows as a table: a file name to offer, a header, rows.
	csvViewer interface {
		csvView() (name string, header []string, rows [][]string)
	}
	// reportHolder names the report the screen is about, or the one its cursor is on.
	reportHolder interface{ current() (int, bool) }
)

type actionKeys struct {
	Copy, Export, Open, Reload key.Binding
}

func newActionKeys(l msg.Lang) actionKeys {
	return actionKeys{
		Copy:   key.NewBinding(key.WithKeys("y"), key.WithHelp("y", l.T("key.copy"))),
		Export: key.NewBinding(key.WithKeys("E"), key.WithHelp("E", l.T("key.export-csv"))),
		Open:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", l.T("key.open-pager"))),
		Reload: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", l.T("key.reload"))),
	}
}

// enable offers what the top screen can do here and now. Over SSH the pager and the export are
// still offered, and refused with a line that says why: a key that silently does nothing would
// look broken.
func (k *actionKeys) enable(a *App) {
	top := a.top()
	_, c := top.(copier)
	_, e := top.(csvViewer)
	_, r := top.(reportHolder)
	k.Copy.SetEnabled(c)
	k.Export.SetEnabled(e)
	k.Open.SetEnabled(r)
	k.Reload.SetEnabled(r && a.opts.Reload != nil)
	if c {
		_, ok := top.(copier).copyText()
		k.Copy.SetEnabled(ok)
	}
	if r {
		_, ok := top.(reportHolder).current()
		k.Open.SetEnabled(ok)
		k.Reload.SetEnabled(ok && a.opts.Reload != nil)
	}
}

func (k actionKeys) bindings() []key.Binding {
	return []key.Binding{k.Copy, k.Export, k.Open, k.Reload}
}

// action runs one of the action keys; false: the key is not one of them.
func (a *App) action(m tea.KeyPressMsg) (tea.Cmd, bool) {
	k := &a.actions
	k.enable(a)
	l := a.ses.lang
	switch {
	case key.Matches(m, k.Copy):
		text, _ := a.top().(copier).copyText()
		return a.ses.copy(text), true
	case key.Matches(m, k.Export):
		if a.opts.Remote {
			a.ses.flash = l.T("flash.export-remote")
			return nil, true
		}
		name, _, _ := a.top().(csvViewer).csvView()
		a.prompt = newExportPrompt(l, name)
		return a.prompt.input.Focus(), true
	case key.Matches(m, k.Open):
		idx, _ := a.top().(reportHolder).current()
		if a.opts.Remote {
			a.ses.flash = l.T("flash.open-remote")
			return nil, true
		}
		return a.ses.pager(idx), true
	case key.Matches(m, k.Reload):
		idx, _ := a.top().(reportHolder).current()
		return a.reload(idx), true
	}
	return nil, false
}

// copy puts text on the clipboard with OSC 52 (through SSH and tmux too) and says so.
func (s *session) copy(text string) tea.Cmd {
	rs := []rune(oneLine(text))
	shown := string(rs)
	if len(rs) > 40 {
		shown = string(rs[:40]) + "…"
	}
	s.flash = s.lang.T("flash.copied", len(rs), shown)
	return tea.SetClipboard(text)
}

// sentenceAround is the sentence of body that holds rune p: from after the previous full stop
// (or line break) to its own.
func sentenceAround(body []rune, p int) string {
	if len(body) == 0 {
		return ""
	}
	p = max(0, min(p, len(body)-1))
	stop := func(r rune) bool { return strings.ContainsRune("。！？!?\n", r) }
	lo := p
	for lo > 0 && !stop(body[lo-1]) {
		lo--
	}
	hi := p
	for hi < len(body) && !stop(body[hi]) {
		hi++
	}
	if hi < len(body) && body[hi] != '\n' {
		hi++
	}
	return strings.TrimSpace(strings.Trim(string(body[lo:hi]), "\u3000"))
}

// The reader copies the sentence in view that matters: the search match, else the sentence an
// indicator was traced to, else the first sentence on the page.
func (v *reportView) copyText() (string, bool) {
	if len(v.body) == 0 {
		return "", false
	}
	p := -1
	visible := func(q int) bool { l := v.lineOf(q); return l >= v.top && l < v.top+v.pageH() }
	switch {
	case len(v.matches) > 0 && visible(v.matches[v.match][0]):
		p = v.matches[v.match][0]
	case v.source[0] >= 0 && visible(v.source[0]):
		p = v.source[0]
	default:
		for i := v.top; i < len(v.lines) && i < v.top+v.pageH(); i++ {
			if ln := v.lines[i]; ln.meta == "" && ln.end > ln.start {
				p = ln.start
				break
			}
		}
	}
	if p < 0 {
		return "", false
	}
	return sentenceAround(v.body, p), true
}

func (v *reportView) current() (int, bool) { return v.idx, true }

// An indicator row is copied as a row of a sheet: region, year, name, kind, value, growth,
// qualifier and the sentence it was read from, tab-separated, so that it pastes into cells.
func (t *indicatorTable) copyText() (string, bool) {
	if t.cur >= len(t.rows) {
		return "", false
	}
	return strings.Join(t.csvRow(t.rows[t.cur]), "\t"), true
}

func (t *indicatorTable) csvRow(in model.Indicator) []string {
	r := t.ses.report(t.idx)
	c := cells(t.ses.lang, in)
	return []string{r.RegionLabel(t.ses.lang), year(r.Year), c[0], c[1], c[2], c[3], c[4], c[5], in.Text}
}

func (t *indicatorTable) csvView() (string, []string, [][]string) {
	l := t.ses.lang
	header := []string{l.T("col.region"), l.T("col.year")}
	for _, id := range indicatorColumns {
		header = append(header, l.T(id))
	}
	header = append(header, l.T("col.source-text"))
	var rows [][]string
	for _, in := range t.rows {
		rows = append(rows, t.csvRow(in))
	}
	r := t.ses.report(t.idx)
	return "baogao-indicators-" + safeFileName(r.RegionLabel(l)+year(r.Year)) + ".csv", header, rows
}

func (t *indicatorTable) current() (int, bool) { return t.idx, true }

func (v *targetsView) csvRow(i int) []string {
	r := v.ses.report(v.idxs[i])
	row := []string{r.RegionLabel(v.ses.lang), year(r.Year)}
	for c := range model.KeyTargets {
		s := ""
		if in := v.cells[i][c]; in != nil {
			s = in.Figure()
		}
		row = append(row, s)
	}
	return row
}

func (v *targetsView) copyText() (string, bool) {
	if v.cur >= len(v.idxs) {
		return "", false
	}
	return strings.Join(v.csvRow(v.cur), "\t"), true
}

func (v *targetsView) csvView() (string, []string, [][]string) {
	header := append([]string{v.ses.lang.T("col.region"), v.ses.lang.T("col.year")}, model.KeyTargets...)
	var rows [][]string
	for i := range v.idxs {
		rows = append(rows, v.csvRow(i))
	}
	return "baogao-targets.csv", header, rows
}

func (v *targetsView) current() (int, bool) {
	if v.cur >= len(v.idxs) {
		return 0, false
	}
	return v.idxs[v.cur], true
}

func (l *reportList) csvRow(idx int) []string {
	r := l.ses.peek(idx)
	return []string{l.ses.regionLabel(idx), r.Level, year(r.Year), strconv.Itoa(len(r.Targets())), r.Title, model.SafeName(r.Source)}
}

// A report of the list is copied as its row: region, level, year, targets, title and file.
func (l *reportList) copyText() (string, bool) {
	idx, ok := l.current()
	if !ok {
		return "", false
	}
	return strings.Join(l.csvRow(idx), "\t"), true
}

func (l *reportList) csvView() (string, []string, [][]string) {
	lang := l.ses.lang
	header := []string{lang.T("col.region"), lang.T("col.level"), lang.T("col.year"), lang.T("col.targets"), lang.T("col.title"), lang.T("col.file")}
	var rows [][]string
	for _, h := range l.visible {
		rows = append(rows, l.csvRow(h.idx))
	}
	return "baogao-reports.csv", header, rows
}

func (l *reportList) current() (int, bool) {
	if l.cursor >= len(l.visible) {
		return 0, false
	}
	return l.visible[l.cursor].idx, true
}

// safeFileName keeps a name to what every file system takes.
func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
}

// exportPrompt asks where to write the view as CSV; a file that exists is replaced only when
// enter is pressed a second time on the same name.
type exportPrompt struct {
	input   textinput.Model
	confirm string // the name that exists, asked about once
	err     string
}

func newExportPrompt(l msg.Lang, name string) *exportPrompt {
	in := textinput.New()
	in.Prompt = l.T("prompt.export")
	in.SetValue(name)
	in.CursorEnd()
	in.CharLimit = 4096
	return &exportPrompt{input: in}
}

// updatePrompt takes every key while the prompt is open.
func (a *App) updatePrompt(m tea.KeyPressMsg) tea.Cmd {
	p, l := a.prompt, a.ses.lang
	switch m.String() {
	case "esc":
		a.prompt = nil
		return nil
	case "enter":
		name := strings.TrimSpace(p.input.Value())
		if name == "" {
			return nil
		}
		path, err := filepath.Abs(name)
		if err != nil {
			p.err = l.Err(err)
			return nil
		}
		if _, err := os.Stat(path); err == nil && p.confirm != path {
			p.confirm, p.err = path, l.T("prompt.exists")
			return nil
		}
		_, header, rows := a.top().(csvViewer).csvView()
		write := writeCSV
		if strings.HasSuffix(strings.ToLower(path), ".xlsx") {
			write = writeXLSX
		}
		if err := write(path, header, rows); err != nil {
			p.err = l.Err(err)
			return nil
		}
		a.prompt = nil
		a.ses.flash = l.T("flash.exported", len(rows), path)
		return nil
	}
	p.confirm, p.err = "", ""
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(m)
	return cmd
}

// writeCSV writes beside the file and renames, so that a failed write leaves no half a file
// where the user will look. A byte-order mark lets Excel read the UTF-8 as such.
func writeCSV(path string, header []string, rows [][]string) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".baogao-*.csv")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	f.WriteString("\uFEFF")
	w := csv.NewWriter(f)
	w.Write(header)
	w.WriteAll(rows)
	if err := errors.Join(w.Error(), f.Close()); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// writeXLSX writes the view as a workbook of one sheet (a name ending .xlsx asks for it),
// figures that are plain numbers as numbers; beside the file and renamed, as writeCSV.
func writeXLSX(path string, header []string, rows [][]string) error {
	sheet := export.Sheet{Name: "baogao", Header: header}
	for _, r := range rows {
		row := make([]any, len(r))
		for i, c := range r {
			row[i] = c
			if f, err := strconv.ParseFloat(c, 64); err == nil && c != "" {
				row[i] = f
			}
		}
		sheet.Rows = append(sheet.Rows, row)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".baogao-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := errors.Join(export.WriteXLSX(f, []export.Sheet{sheet}), f.Close()); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// pagerDoneMsg is the pager's end: an error says why it did not run.
type pagerDoneMsg struct{ err error }

// pager shows report idx in $PAGER (less when unset): a plain UTF-8 text file as it is on disk,
// anything else (a Word file, a GBK text, the embedded sample) as the text baogao read from it.
func (s *session) pager(idx int) tea.Cmd {
	r := s.report(idx)
	words := strings.Fields(os.Getenv("PAGER"))
	if len(words) == 0 {
		words = []string{"less"}
	}
	file, tmp := r.Source, ""
	if !plainOnDisk(r) {
		body, ok := s.cachedBody(idx)
		if !ok {
			b, err := s.readBody(r)
			if err != nil {
				s.flash = s.lang.Err(err)
				return nil
			}
			body = b
		}
		f, err := os.CreateTemp("", "baogao-*.txt")
		if err == nil {
			_, err = f.WriteString(body)
			err = errors.Join(err, f.Close())
		}
		if err != nil {
			s.flash = s.lang.Err(err)
			return nil
		}
		file, tmp = f.Name(), f.Name()
	}
	c := exec.Command(words[0], append(words[1:], file)...)
	return tea.ExecProcess(c, func(err error) tea.Msg {
		if tmp != "" {
			os.Remove(tmp)
		}
		return pagerDoneMsg{err}
	})
}

// plainOnDisk says the report's file is UTF-8 text on disk, which a pager shows as it is.
func plainOnDisk(r *model.Report) bool {
	if _, err := os.Stat(r.Source); err != nil {
		return false
	}
	for _, w := range r.Warnings {
		if strings.HasPrefix(w, msg.EN.T("warn.decoded", "")) || strings.HasPrefix(w, msg.EN.T("warn.read-from", "")) {
			return false
		}
	}
	return true
}

// reloadedMsg brings a report read again from its file.
type reloadedMsg struct {
	idx     int
	reports []model.Report
	err     error
}

// reload reads report idx's file again, off the event loop.
func (a *App) reload(idx int) tea.Cmd {
	r, read := *a.ses.report(idx), a.opts.Reload
	return func() tea.Msg {
		reps, err := read(&r)
		return reloadedMsg{idx, reps, err}
	}
}

// reloaded puts the part of the file that is this report in its place, and opens it again in
// every screen that showed it.
func (a *App) reloaded(m reloadedMsg) {
	l := a.ses.lang
	if m.err != nil {
		a.ses.flash = l.Err(m.err)
		return
	}
	old := a.ses.reports[m.idx]
	var fresh *model.Report
	for i := range m.reports {
		if m.reports[i].Part == old.Part {
			fresh = &m.reports[i]
		}
	}
	if fresh == nil {
		a.ses.flash = l.T("flash.reload-gone", model.SafeName(old.Source))
		return
	}
	a.ses.replace(m.idx, *fresh)
	for i, s := range a.stack {
		switch s := s.(type) {
		case *reportView:
			if s.idx == m.idx {
				v := newReportView(a.ses, m.idx)
				v.SetSize(a.w, max(1, a.h-2))
				v.top, v.hideTree, v.reader = min(s.top, len(v.lines)-1), s.hideTree, s.reader
				v.SetSize(a.w, max(1, a.h-2))
				a.stack[i] = v
			}
		case *indicatorTable:
			if s.idx == m.idx {
				t := newIndicatorTable(a.ses, m.idx)
				t.SetSize(a.w, max(1, a.h-2))
				a.stack[i] = t
			}
		}
	}
	a.refresh()
	if fresh.Hash == old.Hash {
		a.ses.flash = l.T("flash.reload-same")
	} else {
		a.ses.flash = l.T("flash.reloaded")
	}
}

// replace puts a report read again in place of report i: its text, keys and measures.
func (s *session) replace(i int, r model.Report) {
	s.reports[i] = r
	delete(s.bodies, i)
	delete(s.unpacked, i)
	if i < len(s.keys) {
		s.keys[i] = s.py.ReportKeys(s.reports[i : i+1])[0]
	}
	if i < len(s.widths) {
		s.widths[i] = s.measure.String(s.regionLabel(i))
	}
	s.regKeys = nil
	s.hashes, s.hashed = nil, 0
}
