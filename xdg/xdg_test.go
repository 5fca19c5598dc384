package xdg

import (
	"path/filepath"
	"testing"
)

func TestFolders(t *testing.T) {
	t.Setenv("HOME", "/home/u")
	for _, c := range []struct {
		env, value string
		get        func() (string, error)
		want       string
	}{
		{"XDG_CACHE_HOME", "/c", Cache, "/c/baogao"},
		{"XDG_CACHE_HOME", "", Cache, "/home/u/.cache/baogao"},
		{"XDG_STATE_HOME", "/s", State, "/s/baogao"},
		{"XDG_STATE_HOME", "", State, "/home/u/.local/state/baogao"},
		{"XDG_STATE_HOME", "relative/s", State, "/home/u/.local/state/baogao"}, // ignored, as the spec says
		{"XDG_DATA_HOME", "/d", Data, "/d/baogao"},
		{"XDG_DATA_HOME", "", Data, "/home/u/.local/share/baogao"},
	} {
		t.Setenv(c.env, c.value)
		if got, err := c.get(); err != nil || got != filepath.FromSlash(c.want) {
			t.Errorf("%s=%q: %q, %v; want %q", c.env, c.value, got, err, c.want)
		}
	}
}
