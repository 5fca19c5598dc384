//go:build unix

package review

import (
	"baogao/msg"
	"os"
	"syscall"
)

// lockPath takes the lock file at path: flock(2), released when the process dies however it
// dies. wait blocks until it is free; without wait a held lock is an error at once.
func lockPath(path string, wait bool) (release func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	if err := syscall.Flock(int(f.Fd()), how); err != nil {
		f.Close()
		return nil, msg.E("state.lock-failed", path, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
