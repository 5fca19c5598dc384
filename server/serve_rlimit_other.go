//go:build !unix

package server

import "charm.land/log/v2"

func raiseFileLimit(*log.Logger) {}
