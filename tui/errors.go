package tui

import (
	"baogao/model"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// errorsView lists the files that could not be loaded and why.
type errorsView struct {
	ses  *session
	keys moveKeys
	cur  int
	w, h int
}

func newErrorsView(ses *session) *errorsView {
	return &errorsView{ses: ses, keys: newMoveKeys(ses.lang)}
}

func (e *errorsView) SetSize(w, h int) { e.w, e.h = w, h }

func (e *errorsView) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		e.cur, _ = e.keys.move(k, e.cur, len(e.ses.errors), e.h)
	}
	return e, nil
}

func (e *errorsView) View() string {
	st, m := e.ses.styles, e.ses.measure
	var b strings.Builder
	errs := e.ses.errors
	off := max(0, e.cur-e.h+1)
	for r := 0; r < e.h; r++ {
		if r > 0 {
			b.WriteString("\n")
		}
		i := off + r
		switch {
		case len(errs) == 0 && r == 0:
			b.WriteString(line{{"  " + e.ses.lang.T("errors.none"), st.Status}}.render(m, e.w, st.Plain))
		case i < len(errs):
			s := st.Plain
			if i == e.cur {
				s = st.Selected
			}
			b.WriteString(line{{"  " + model.SafeName(errs[i].Source) + ": ", s}, {e.ses.lang.Say(errs[i].Err), st.Error}}.render(m, e.w, s))
		default:
			b.WriteString(strings.Repeat(" ", e.w))
		}
	}
	return b.String()
}

func (e *errorsView) KeyMap() keyMap {
	return keyMap{short: []keyBinding{e.keys.Up, e.keys.Down}, full: [][]keyBinding{e.keys.bindings()}}
}
