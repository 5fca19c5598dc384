//go:build !linux

package loader

import "os"

// readDir is os.ReadDir sorted on plain strings rather than through the DirEntry interface.
func readDir(p string) ([]dirEntry, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	des, err := f.ReadDir(-1)
	entries := make([]dirEntry, len(des))
	for i, d := range des {
		entries[i] = dirEntry{d.Name(), d.Type()}
	}
	sortEntries(entries)
	return entries, err
}
