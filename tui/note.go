package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// noteEditor edits a multi-line note on a report or a section. It draws its text with the
// browser's wrapping and width, so Chinese never breaks the layout.
type noteEditor struct {
	ses     *session
	keys    noteKeys
	idx     int
	target  string
	label   string
	text    []rune
	cur     int
	orig    string
	confirm bool // asking whether to discard changes
	// theirs is the note as someone else saved it since the editor opened: asking what to keep
	theirs *string
	w, h   int
}

func newNoteEditor(ses *session, idx int, target, label string) *noteEditor {
	e := noteEditor{ses: ses, keys: newNoteKeys(ses.lang), idx: idx, target: target, label: label}
	if rv, _ := ses.reviewOf(idx); rv != nil {
		if n, ok := rv.NoteOf(target); ok {
			e.text = []rune(n.Text)
		}
	}
	e.orig = string(e.text)
	e.cur = len(e.text)
	return &e
}

func (e *noteEditor) SetSize(w, h int) { e.w, e.h = w, h }

// dirty says the text differs from what the editor opened.
func (e *noteEditor) dirty() bool { return string(e.text) != e.orig }

type noteDoneMsg struct{}

func (e *noteEditor) Update(msg tea.Msg) (Screen, tea.Cmd) {
	done := func() tea.Msg { return noteDoneMsg{} }
	switch msg := msg.(type) {
	case noteSavedMsg:
		e.ses.saved(msg.savedMsg)
		if msg.conflict != nil {
			e.theirs = &msg.conflict.Theirs
			return e, nil
		}
		return e, done
	case tea.PasteMsg:
		e.insert([]rune(msg.Content))
	case tea.KeyPressMsg:
		if e.theirs != nil {
			mine := strings.TrimSpace(string(e.text))
			switch {
			case key.Matches(msg, e.keys.Both):
				return e.save(strings.TrimSpace(*e.theirs+"\n"+mine), nil)
			case key.Matches(msg, e.keys.Mine):
				return e.save(mine, nil)
			case key.Matches(msg, e.keys.Theirs):
				return e, done
			case key.Matches(msg, e.keys.Cancel):
				e.theirs = nil // back to editing; ctrl+s asks again
			}
			return e, nil
		}
		if e.confirm {
			switch {
			case key.Matches(msg, e.keys.Yes):
				return e, done
			case key.Matches(msg, e.keys.No), key.Matches(msg, e.keys.Cancel):
				e.confirm = false
			}
			return e, nil
		}
		switch {
		case key.Matches(msg, e.keys.Save):
			base := e.orig
			return e.save(strings.TrimSpace(string(e.text)), &base)
		case key.Matches(msg, e.keys.Cancel):
			if string(e.text) == e.orig {
				return e, done
			}
			e.confirm = true
			return e, nil
		}
		switch msg.String() {
		case "enter":
			e.insert([]rune{'\n'})
		case "backspace":
			if e.cur > 0 {
				e.text = append(e.text[:e.cur-1], e.text[e.cur:]...)
				e.cur--
			}
		case "delete":
			if e.cur < len(e.text) {
				e.text = append(e.text[:e.cur], e.text[e.cur+1:]...)
			}
		case "left":
			e.cur = max(0, e.cur-1)
		case "right":
			e.cur = min(len(e.text), e.cur+1)
		case "home", "ctrl+a":
			for e.cur > 0 && e.text[e.cur-1] != '\n' {
				e.cur--
			}
		case "end", "ctrl+e":
			for e.cur < len(e.text) && e.text[e.cur] != '\n' {
				e.cur++
			}
		case "up":
			e.vertical(-1)
		case "down":
			e.vertical(1)
		default:
			if msg.Text != "" {
				e.insert([]rune(msg.Text))
			}
		}
	}
	return e, nil
}

// save writes the note; with base, only if nobody changed it since the editor opened it, else
// the editor stays and asks whose text to keep (noteSavedMsg).
func (e *noteEditor) save(text string, base *string) (Screen, tea.Cmd) {
	return e, e.ses.saveNote(e.idx, e.target, text, base)
}

func (e *noteEditor) insert(rs []rune) {
	rs = []rune(strings.ReplaceAll(string(rs), "\r", ""))
	e.text = append(e.text[:e.cur], append(rs, e.text[e.cur:]...)...)
	e.cur += len(rs)
}

// vertical moves the cursor one logical line up or down, keeping the column where it can.
func (e *noteEditor) vertical(d int) {
	start := e.cur
	for start > 0 && e.text[start-1] != '\n' {
		start--
	}
	col := e.cur - start
	if d < 0 {
		if start == 0 {
			return
		}
		prev := start - 1
		for prev > 0 && e.text[prev-1] != '\n' {
			prev--
		}
		e.cur = min(prev+col, start-1)
		return
	}
	end := e.cur
	for end < len(e.text) && e.text[end] != '\n' {
		end++
	}
	if end == len(e.text) {
		return
	}
	next := end + 1
	nend := next
	for nend < len(e.text) && e.text[nend] != '\n' {
		nend++
	}
	e.cur = min(next+col, nend)
}

func (e *noteEditor) View() string {
	st, m := e.ses.styles, e.ses.measure
	var lines []line
	lines = append(lines, line{{e.ses.lang.T("note.head", e.label), st.Header}})
	w := max(2, e.w-2)
	start := 0
	for i := 0; i <= len(e.text); i++ {
		if i < len(e.text) && e.text[i] != '\n' {
			continue
		}
		para := e.text[start:i]
		wl := wrapRunes(m, para, w)
		if len(wl) == 0 {
			wl = []wrapped{{0, 0}}
		}
		for k, l := range wl {
			ln := line{plain(" ")}
			a, b := start+l.start, start+l.end
			if k == len(wl)-1 {
				b = start + len(para) // the cursor may sit after the last character
			}
			if e.cur >= a && e.cur <= b && (e.cur < b || k == len(wl)-1) {
				cur := " "
				rest := ""
				if e.cur < start+l.end {
					cur = string(e.text[e.cur])
					rest = string(e.text[e.cur+1 : start+l.end])
				}
				ln = append(ln, plain(string(e.text[a:e.cur])), seg{cur, st.Selected.Reverse(true)}, plain(rest))
			} else {
				ln = append(ln, plain(string(e.text[a:start+l.end])))
			}
			lines = append(lines, ln)
		}
		start = i + 1
	}
	// keep the cursor's line on screen
	h := max(1, e.h-1)
	curLine := 0
	for i, ln := range lines {
		for _, s := range ln {
			if s.style.GetReverse() {
				curLine = i
			}
		}
	}
	off := max(0, curLine-h+1)
	var b strings.Builder
	for r := 0; r < h; r++ {
		if r > 0 {
			b.WriteString("\n")
		}
		if i := r + off; r == 0 {
			b.WriteString(lines[0].render(m, e.w, st.Plain))
		} else if i < len(lines) {
			b.WriteString(lines[i].render(m, e.w, st.Plain))
		} else {
			b.WriteString(strings.Repeat(" ", e.w))
		}
	}
	// the footer below has the keys: this line says what is written, or what is asked
	bottom := line{{e.ses.lang.T("note.status", len(e.text), strings.Count(string(e.text), "\n")+1), st.Status}}
	switch {
	case e.theirs != nil:
		bottom = line{{e.ses.lang.T("note.conflict", oneLine(*e.theirs)), st.Error}}
	case e.confirm:
		bottom = line{{e.ses.lang.T("note.discard"), st.Error}}
	}
	return b.String() + "\n" + bottom.render(m, e.w, st.Plain)
}

func (e *noteEditor) KeyMap() keyMap {
	if e.theirs != nil {
		return keyMap{short: []key.Binding{e.keys.Both, e.keys.Mine, e.keys.Theirs, e.keys.Cancel}, full: [][]key.Binding{{e.keys.Both, e.keys.Mine, e.keys.Theirs, e.keys.Cancel}}, textOnly: true}
	}
	if e.confirm {
		return keyMap{short: []key.Binding{e.keys.Yes, e.keys.No}, full: [][]key.Binding{{e.keys.Yes, e.keys.No}}, textOnly: true}
	}
	return keyMap{short: []key.Binding{e.keys.Save, e.keys.Cancel}, full: [][]key.Binding{{e.keys.Save, e.keys.Cancel, e.keys.Yes, e.keys.No}}, textOnly: true}
}
