package tui

import "baogao/search"

// What the tests read of the open screens: the root itself reads only Screen.

// screen names the screen on top, as its title does.
func (a *App) screen() string { return a.top().Title() }

const (
	screenList       = "报告列表"
	screenReport     = "报告"
	screenIndicators = "指标"
	screenNote       = "笔记"
)

func listOf(a *App) *reportList { return a.stack[0].(*reportList) }

// reportOf is the report view nearest the top of the stack.
func reportOf(a *App) *reportView {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if v, ok := a.stack[i].(*reportView); ok {
			return v
		}
	}
	return &reportView{}
}

func tableOf(a *App) *indicatorTable {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if v, ok := a.stack[i].(*indicatorTable); ok {
			return v
		}
	}
	return &indicatorTable{}
}

func targetsOf(a *App) *targetsView {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if v, ok := a.stack[i].(*targetsView); ok {
			return v
		}
	}
	return &targetsView{}
}

func noteOf(a *App) *noteEditor {
	if v, ok := a.top().(*noteEditor); ok {
		return v
	}
	return &noteEditor{}
}

// readingBody says a report view waits for its body to be read back.
func (a *App) readingBody() bool {
	for _, s := range a.stack {
		if v, ok := s.(*reportView); ok && v.loading {
			return true
		}
	}
	return false
}

func searchParse(s string) search.Query { return search.Parse(s) }

// saving says a save's command is running: its answer comes.
func (a *App) saving() bool { return a.ses.saving > 0 }
