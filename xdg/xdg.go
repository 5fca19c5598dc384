// Package xdg resolves the folders baogao keeps its files in, by the XDG base directory
// specification: the parse cache (XDG_CACHE_HOME, default ~/.cache), the review state
// (XDG_STATE_HOME, default ~/.local/state) and the server's host key (XDG_DATA_HOME, default
// ~/.local/share), each in a baogao folder. It is the one place these are worked out.
package xdg

import (
	"baogao/msg"
	"os"
	"path/filepath"
)

// Cache is baogao's folder for what can be rebuilt: the parse cache.
func Cache() (string, error) { return dir("XDG_CACHE_HOME", ".cache") }

// State is baogao's folder for what the user made: the review state.
func State() (string, error) { return dir("XDG_STATE_HOME", filepath.Join(".local", "state")) }

// Data is baogao's folder for data it keeps for itself: the SSH host key.
func Data() (string, error) { return dir("XDG_DATA_HOME", filepath.Join(".local", "share")) }

// dir is $env/baogao, or ~/home/baogao when env is unset or not absolute (the specification
// says a relative value is to be ignored).
func dir(env, home string) (string, error) {
	base := os.Getenv(env)
	if base == "" || !filepath.IsAbs(base) {
		h, err := os.UserHomeDir()
		if err != nil {
			return "", msg.E("xdg.no-home", env, err)
		}
		base = filepath.Join(h, home)
	}
	return filepath.Join(base, "baogao"), nil
}
