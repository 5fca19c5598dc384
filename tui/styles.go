package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles holds every style of the browser. It is built per session from the terminal's
// background, so two SSH users with different terminals each get theirs.
type Styles struct {
	Title, Header, Dim, Selected, Match, Status, Error, Bar, Section, Target, Actual, Source lipgloss.Style
	Plain                                                                                    lipgloss.Style
}

func newStyles(isDark, noColor bool) Styles {
	if noColor {
		// Attributes only: the screen stays usable, the cursor row stays visible.
		return Styles{
			Title:    lipgloss.NewStyle().Bold(true),
			Header:   lipgloss.NewStyle().Bold(true),
			Dim:      lipgloss.NewStyle(),
			Selected: lipgloss.NewStyle().Reverse(true),
			Match:    lipgloss.NewStyle().Underline(true),
			Status:   lipgloss.NewStyle(),
			Error:    lipgloss.NewStyle().Bold(true),
			Bar:      lipgloss.NewStyle(),
			Section:  lipgloss.NewStyle().Bold(true),
			Target:   lipgloss.NewStyle(),
			Actual:   lipgloss.NewStyle(),
			Source:   lipgloss.NewStyle().Reverse(true),
		}
	}
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }
	return Styles{
		Title:    lipgloss.NewStyle().Bold(true).Foreground(c("#1a4d8f", "#7fb3ff")),
		Header:   lipgloss.NewStyle().Bold(true).Foreground(c("#444444", "#bbbbbb")),
		Dim:      lipgloss.NewStyle().Foreground(c("#777777", "#8a8a8a")),
		Selected: lipgloss.NewStyle().Background(c("#d7e6fb", "#27406b")).Foreground(c("#000000", "#ffffff")),
		Match:    lipgloss.NewStyle().Bold(true).Foreground(c("#b5340b", "#ffb454")),
		Status:   lipgloss.NewStyle().Foreground(c("#555555", "#a0a0a0")),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(c("#b00020", "#ff6b6b")),
		Bar:      lipgloss.NewStyle().Foreground(c("#2b7a3d", "#6fd08c")),
		Section:  lipgloss.NewStyle().Bold(true).Foreground(c("#1a4d8f", "#7fb3ff")),
		Target:   lipgloss.NewStyle().Foreground(c("#2b7a3d", "#6fd08c")),
		Actual:   lipgloss.NewStyle().Foreground(c("#6b4fa0", "#c3a6ff")),
		Source:   lipgloss.NewStyle().Background(c("#fff0a8", "#5c4d00")),
	}
}
