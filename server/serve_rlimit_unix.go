//go:build unix

package server

import (
	"syscall"

	"charm.land/log/v2"
)

// raiseFileLimit lifts the soft limit on open files to the hard one: every connection, logged in
// or not, holds a descriptor, and the default soft limit (often 1024) is reached long before the
// caps on connections are.
func raiseFileLimit(l *log.Logger) {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r); err != nil || r.Cur >= r.Max {
		return
	}
	old := r.Cur
	r.Cur = r.Max
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &r); err != nil {
		l.Warn("could not raise the open-file limit", "soft", old, "hard", r.Max, "error", err)
		return
	}
	l.Info("open-file limit raised", "from", old, "to", r.Max)
}
