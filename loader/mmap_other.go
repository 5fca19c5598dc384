//go:build !unix

package loader

import "os"

// mapFile reads a cache file whole where mapping is not available.
func mapFile(path string) ([]byte, error) { return os.ReadFile(path) }
